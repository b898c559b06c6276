namespace IctPlanAssistant.Core.Tests;

/// <summary>Where the repository keeps the bundled plan, found from the test's working directory.</summary>
internal static class BundledPlan
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Path { get; } = System.IO.Path.Combine(RepoRoot, "data", "plans", "fukushima-ict-action-plan-2017.txt");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "IctPlanAssistant.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("IctPlanAssistant.sln not found above " + AppContext.BaseDirectory);
    }
}
