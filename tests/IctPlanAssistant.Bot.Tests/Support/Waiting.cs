namespace IctPlanAssistant.Bot.Tests.Support;

/// <summary>Waiting for something a background turn does: up to 30 s, then the test fails saying it never happened.</summary>
public static class Waiting
{
    public static async Task UntilAsync(Func<bool> condition, string what = "the condition")
    {
        for (var i = 0; i < 600 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), $"{what} never held");
    }
}
