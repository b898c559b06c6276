using IctPlanAssistant.Bot.Hosting;
using IctPlanAssistant.Web.Apis;
using IctPlanAssistant.Web.Bot;
using IctPlanAssistant.Web.Extensions;
using IctPlanAssistant.Web.Pages;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddApplicationServices();

try
{
    var app = builder.Build();
    app.UseApplicationPipeline();
    app.MapPlanApi();
    app.MapPages();
    app.MapBotApi();
    app.Run();
    return 0;
}
catch (Exception e) when (e is BotConfigurationException or OptionsValidationException)
{
    // Settings that cannot work: say which, and stop, rather than print a stack trace.
    Console.Error.WriteLine($"The host did not start: {e.Message}");
    return 1;
}

/// <summary>The web host's entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
