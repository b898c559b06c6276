using IctPlanAssistant.Web.Protection;

namespace IctPlanAssistant.Web.Tests.Protection;

/// <summary>The client ids the cookie carries: 32 hex digits, each new, drawn many at a time from the system's generator.</summary>
public sealed class ClientCookieTests
{
    [Fact]
    public void Every_id_is_32_lower_hex_digits_and_none_repeats_across_several_draws_and_threads()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 200; i++) ids.Add(ClientCookie.NewId()); // several draws of 32 ids per thread
        });
        Assert.Equal(800, ids.Count);
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
