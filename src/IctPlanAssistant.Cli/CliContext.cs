using System.CommandLine;
using IctPlanAssistant.Answers;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace IctPlanAssistant.Cli;

/// <summary>What every command shares: configuration, the --index option, the consoles, and opening the index.</summary>
internal sealed class CliContext
{
    public static readonly Option<string?> IndexOption = new("--index")
    {
        Description = "Index directory (default: Index:Path from configuration, else index/)",
        Recursive = true,
    };

    public CliContext(ParseResult parseResult)
    {
        Configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        IndexPath = parseResult.GetValue(IndexOption) ?? Configuration["Index:Path"] ?? "index";
    }

    public IConfiguration Configuration { get; }

    public string IndexPath { get; }

    /// <summary>Tables and results: standard output.</summary>
    public IAnsiConsole Out { get; } = CreateConsole(Console.Out, Console.IsOutputRedirected);

    /// <summary>Progress, warnings and errors: standard error, so output can be piped.</summary>
    public IAnsiConsole Error { get; } = CreateConsole(Console.Error, Console.IsErrorRedirected);

    /// <summary>
    /// A console over a writer. Redirected to a pipe or a file, Spectre would wrap at 80 columns and split a
    /// <c>file:line: what is wrong</c> message over two lines: there, nothing is wrapped.
    /// </summary>
    private static IAnsiConsole CreateConsole(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected) console.Profile.Width = UnwrappedWidth;
        return console;
    }

    private const int UnwrappedWidth = 4096;

    public PlanIndex OpenIndex() => PlanIndex.Open(IndexPath);

    /// <summary>
    /// The services of the assistant, configured as the web host configures them (appsettings.json, environment),
    /// with the index of --index; logs go to standard error.
    /// </summary>
    public ServiceProvider CreateServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(Configuration)
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Index:Path", IndexPath)])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        services.AddPlanAssistant(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
        provider.GetRequiredService<PlanIndex>(); // fail early, with the index's own message, if there is none
        return provider;
    }

    public int Fail(string message, int exitCode = ExitCodes.Failure)
    {
        Error.MarkupLineInterpolated($"[red]error:[/] {message}");
        return exitCode;
    }

    /// <summary>Runs a command body, turning the failures a user can fix into a message and an exit code.</summary>
    public int Run(Func<int> body) => RunAsync(() => Task.FromResult(body())).GetAwaiter().GetResult();

    public async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (IndexMissingException e)
        {
            return Fail(e.Message, ExitCodes.NoIndex);
        }
        catch (MeCabUnavailableException e)
        {
            return Fail(e.Message, ExitCodes.Environment);
        }
        catch (GlossaryException e)
        {
            return Fail(e.Message, ExitCodes.Environment);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            return Fail(e.Message, ExitCodes.Environment); // the AI section names the key to fix
        }
        catch (IctPlanAssistant.Answers.Prompts.PromptFileException e)
        {
            return Fail(e.Message, ExitCodes.Environment);
        }
    }
}

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int NoIndex = 3;
    public const int Environment = 4;
}
