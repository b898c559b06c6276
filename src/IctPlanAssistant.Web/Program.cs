using IctPlanAssistant.Web.Apis;
using IctPlanAssistant.Web.Bot;
using IctPlanAssistant.Web.Extensions;
using IctPlanAssistant.Web.Pages;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddApplicationServices();

var app = builder.Build();
app.UseApplicationPipeline();
app.MapPlanApi();
app.MapPages();
app.MapBotApi();

app.Run();

/// <summary>The web host's entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
