namespace IctPlanAssistant.Testing;

/// <summary>Where things are: the repository root (found from the test's directory) and what the build copies beside the tests.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The bundled plan, as copied beside the test assembly by the build.</summary>
    public static string BundledPlan { get; } = Path.Combine(AppContext.BaseDirectory, "plans", "fukushima-ict-action-plan-2017.txt");

    /// <summary>An assembly copied beside the tests (ictplan.dll, IctPlanAssistant.Web.dll).</summary>
    public static string Beside(string file) => Path.Combine(AppContext.BaseDirectory, file);

    /// <summary>
    /// ictplan.dll where its own project built it (the same configuration and framework as the tests), beside exactly
    /// its own dependencies: a test project's other references (ASP.NET Core, say) change which assemblies are copied
    /// beside the tests.
    /// </summary>
    public static string CliDll { get; } = Path.Combine(
        Root, "src", "IctPlanAssistant.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name,
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name,
        "ictplan.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IctPlanAssistant.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("IctPlanAssistant.sln not found above " + AppContext.BaseDirectory);
    }
}
