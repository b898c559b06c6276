using System.Text;
using System.Text.Json;
using IctPlanAssistant.Serialization;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Answers.Tests.Conversations;

/// <summary>
/// A turn that fits is written straight from the record: the same bytes as the document-walking pass that cuts turns
/// to size writes when it cuts nothing, for real turns of the evaluation sets and for texts the encoder escapes, but
/// for one character: the time's offset sign, which the serializer writes as <c>+</c> and the document pass escaped as
/// <c>\u002B</c> (both read back as the same time).
/// </summary>
[Collection(AssistantCollection.Name)]
public sealed class StoredTurnTests(AssistantFixture assistant)
{
    [Fact]
    public async Task A_whole_turn_is_the_uncut_pass_byte_for_byte()
    {
        var turns = 0;
        foreach (var set in new[] { "dev-questions.jsonl", "extra-questions.jsonl", "citizen-questions.jsonl" })
        {
            foreach (var question in Questions(set))
            {
                var answer = await assistant.Assistant.AskAsync(new AskRequest(question, null));
                var turn = new ConversationTurn(answer.Question, answer.Interpretation, answer.Retrieved, answer.Citations, answer.Text, DateTimeOffset.UtcNow)
                {
                    About = answer.About,
                    AboutCount = answer.AboutCount,
                };
                AssertSameBytes(StoredTurn.EncodeCut(turn, int.MaxValue), StoredTurn.Encode(turn, int.MaxValue));
                turns++;
            }
        }
        Assert.True(turns > 100, $"only {turns} turns");
    }

    [Theory]
    [InlineData("<script>&\"'</script>")]
    [InlineData("改行\nタブ\t制御\u0001文字")]
    [InlineData("絵文字 😀 と結合文字 が")]
    [InlineData("\\ バックスラッシュ / と \u2028 区切り")]
    public void Escaped_texts_are_the_uncut_pass_byte_for_byte(string text)
    {
        var turn = new ConversationTurn(text, new QueryInterpretation { Question = text }, [RowId.Parse("1-2")], [RowId.Parse("1-2")], text + " [1-2]", DateTimeOffset.UnixEpoch)
        {
            About = [RowId.Parse("1-2"), RowId.Parse("3-4")],
            AboutCount = 2,
        };

        AssertSameBytes(StoredTurn.EncodeCut(turn, int.MaxValue), StoredTurn.Encode(turn, int.MaxValue));
        Assert.Equal(text, StoredTurn.Decode(StoredTurn.Encode(turn, int.MaxValue))!.Answer[..text.Length]);
    }

    [Fact]
    public void A_turn_over_the_bound_is_cut_as_before()
    {
        var text = new string('長', 20_000);
        var turn = new ConversationTurn(text, new QueryInterpretation { Question = text }, [RowId.Parse("1-2")], [RowId.Parse("1-2")], text, DateTimeOffset.UnixEpoch);

        var stored = StoredTurn.Encode(turn, 8_000);

        Assert.Equal(StoredTurn.EncodeCut(turn, 8_000), stored);
        Assert.True(stored.Length <= 8_000);
    }

    /// <summary>The bytes of the uncut pass with its escaped plus signs written as the serializer writes them.</summary>
    private static void AssertSameBytes(byte[] uncut, byte[] whole)
    {
        Assert.Equal(Encoding.UTF8.GetString(uncut).Replace("\\u002B", "+", StringComparison.Ordinal), Encoding.UTF8.GetString(whole));
        Assert.Equal(StoredTurn.Decode(uncut), StoredTurn.Decode(whole), TurnComparer.Instance);
    }

    /// <summary>Turns as their stored JSON compares them (the record's lists compare by reference).</summary>
    private sealed class TurnComparer : IEqualityComparer<ConversationTurn?>
    {
        public static readonly TurnComparer Instance = new();

        public bool Equals(ConversationTurn? x, ConversationTurn? y) =>
            x is not null && y is not null && x.At == y.At && JsonSerializer.Serialize(x, PlanJson.Options) == JsonSerializer.Serialize(y, PlanJson.Options);

        public int GetHashCode(ConversationTurn? turn) => 0;
    }

    private static IEnumerable<string> Questions(string set) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "eval", set))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!);
}
