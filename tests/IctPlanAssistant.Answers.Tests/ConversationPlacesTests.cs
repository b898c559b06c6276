namespace IctPlanAssistant.Answers.Tests;

/// <summary>
/// A conversation as a citizen holds it: a row picked by its place in the list (2つ目の, the first one), the rows not
/// shown (他には？), "tell me more", and a turn that found nothing, which leaves the conversation on the rows before it.
/// </summary>
[Collection(AssistantCollection.Name)]
public sealed class ConversationPlacesTests(AssistantFixture assistant)
{
    private static string NewConversation() => "places-" + Guid.NewGuid().ToString("N");

    private Task<Answer> Ask(string question, string conversation) =>
        assistant.Assistant.AskAsync(new AskRequest(question, conversation));

    [Fact]
    public async Task The_second_project_is_the_second_row_the_previous_answer_listed()
    {
        var conversation = NewConversation();
        var list = await Ask("マイナンバーの事業は？", conversation);
        var listed = AssistantFixture.CitedInTextOrder(list.Text);
        Assert.True(listed.Count >= 3);

        var second = await Ask("2つ目の事業の担当課は？", conversation);
        var first = await Ask("最初のやつの予算は？", conversation);

        Assert.Equal([listed[1]], second.Citations.Select(c => c.ToString()));
        Assert.Equal([listed[0]], first.Citations.Select(c => c.ToString()));
    }

    [Fact]
    public async Task The_first_of_something_a_project_did_is_no_place_in_the_list()
    {
        // "the first cohort" asks of the one project talked about, not of the first project listed two answers ago.
        var conversation = NewConversation();
        var list = await Ask("Which projects is the University of Aizu involved in?", conversation);
        Assert.True(list.Citations.Count >= 3);
        Assert.NotEqual("4-3", list.Citations[0].ToString());
        var one = await Ask("女性プログラマ育成塾事業について教えて", conversation);
        Assert.Equal(["4-3"], one.Citations.Select(c => c.ToString()));

        var detail = await Ask("What was its budget, and how many people were in the first cohort?", conversation);

        Assert.Equal(["4-3"], detail.Citations.Select(c => c.ToString()));
    }

    [Fact]
    public async Task What_else_lists_the_rows_the_previous_answer_did_not_show()
    {
        var conversation = NewConversation();
        var shown = await Ask("防災の事業を教えて", conversation);
        Assert.True(shown.AboutCount > shown.Citations.Count);

        var others = await Ask("他には？", conversation);

        Assert.NotEmpty(others.Citations);
        Assert.Empty(others.Citations.Intersect(shown.Citations));
        Assert.All(others.Citations, id => Assert.Contains(id, shown.About));
    }

    [Fact]
    public async Task Tell_me_more_quotes_what_the_project_is_and_what_it_did()
    {
        var conversation = NewConversation();
        await Ask("ドローンを使っている事業はある？", conversation);

        var more = await Ask("もっと詳しく教えて", conversation);

        Assert.Equal(["3-22"], more.Citations.Select(c => c.ToString()));
        Assert.Contains(AssistantFixture.Row("3-22").Summary[..20], more.Text);
    }

    [Fact]
    public async Task A_turn_that_found_nothing_leaves_the_conversation_on_the_rows_before_it()
    {
        var conversation = NewConversation();
        var tourism = await Ask("観光の事業は？", conversation);
        var none = await Ask("そのうち目標を達成したのは？", conversation);
        Assert.Empty(none.Citations);

        var sum = await Ask("全部でいくら？", conversation);

        Assert.Equal(tourism.Citations.Order(), sum.Citations.Order());
        var total = tourism.Citations.Sum(id => AssistantFixture.Row(id.ToString()).BudgetThousandYen ?? 0);
        Assert.Contains($"{total:N0}千円", sum.Text);
    }
}
