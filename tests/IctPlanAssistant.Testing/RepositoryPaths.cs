namespace IctPlanAssistant.Testing;

/// <summary>Where things are: the repository root (found from the test's directory) and what the build copies beside the tests.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The bundled plan, as copied beside the test assembly by the build.</summary>
    public static string BundledPlan { get; } = Path.Combine(AppContext.BaseDirectory, "plans", "fukushima-ict-action-plan-2017.txt");

    /// <summary>An assembly copied beside the tests (IctPlanAssistant.Web.dll).</summary>
    public static string Beside(string file) => Path.Combine(AppContext.BaseDirectory, file);

    /// <summary>
    /// ictplan.dll where its own project built it (the same configuration and framework as the tests), beside exactly
    /// its own dependencies: a test project's other references (ASP.NET Core, say) change which assemblies are copied
    /// beside the tests.
    /// </summary>
    public static string CliDll { get; } = BuiltBy("IctPlanAssistant.Cli", "ictplan.dll");

    /// <summary>A file in a source project's build output of the tests' configuration and framework (bin/CONFIG/TFM).</summary>
    private static string BuiltBy(string project, string file)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(Root, "src", project, "bin", output.Parent!.Name, output.Name, file);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IctPlanAssistant.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("IctPlanAssistant.sln not found above " + AppContext.BaseDirectory);
    }
}
