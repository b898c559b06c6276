using IctPlanAssistant.Testing;

namespace IctPlanAssistant.Web.Tests;

/// <summary>One real host over the bundled plan, shared by the test classes of the collection.</summary>
public sealed class BundledPlanHost : IDisposable
{
    public PlanWebHost Host { get; } = new();

    public HttpClient Client() => Host.CreateHttpClient();

    public void Dispose() => Host.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BundledPlanCollection : ICollectionFixture<BundledPlanHost>
{
    public const string Name = "bundled plan host";
}
