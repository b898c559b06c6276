namespace IctPlanAssistant.Testing;

/// <summary>
/// One example of issue 10 (questions citizens actually type): the turns of its conversation, the rows the last
/// turn's answer must cite (exactly, or at least), and a text it must contain. Each channel's tests ask these the
/// channel's way.
/// </summary>
public sealed record IssueTenExample(string Name, IReadOnlyList<string> Turns, IReadOnlyList<string> Cited, string? Contains = null, bool Exactly = true)
{
    public override string ToString() => Name;

    /// <summary>Why the cited rows are not the example's, or null when they are.</summary>
    public string? Check(IReadOnlyCollection<string> cited, string text)
    {
        var missing = Cited.Except(cited).ToList();
        var extra = Exactly ? cited.Except(Cited).ToList() : [];
        if (missing.Count > 0 || extra.Count > 0) return $"{Name}: missing [{string.Join(",", missing)}], extra [{string.Join(",", extra)}]\n{text}";
        return Contains is { } needle && !text.Contains(needle, StringComparison.Ordinal) ? $"{Name}: no “{needle}” in\n{text}" : null;
    }
}

public static class IssueTenExamples
{
    private static readonly string[] Robots = ["2-10", "2-11", "2-12", "2-20", "3-2"];

    public static IReadOnlyList<IssueTenExample> All { get; } =
    [
        new("extra words: 部署関係なく全部知りたい", ["ドローンを使ってる事業を部署関係なく全部知りたい"], ["3-22"]),
        new("extra words: 関連", ["ロボット関連の事業"], Robots),
        new("a column asked: どこの部署", ["ドローンを使ってるのはどこの部署？"], ["3-22"], "土木部"),
        new("superlative: 一番予算が大きい", ["一番予算が大きい事業は？"], ["2-4"]),
        new("list: drones or robots", ["Which projects use drones or robots?"], [.. Robots, "3-22"]),
        new("kana only: ほうしゃせん", ["ほうしゃせんの じょうほうは どこで みられますか"], ["3-18", "3-23"], "放射線"),
        new("everyday words: お年寄り", ["お年寄り向けの事業ある？"], ["3-2", "3-24"], "高齢者"),
        new("everyday words: 田舎のネット環境", ["田舎のネット環境をよくする事業"], ["4-8"]),
        new("everyday words: 携帯電話がつながらない", ["携帯電話がつながらない地域の対策は？"], ["4-15"]),
        // A goal not achieved includes the projects not carried out (2-16, 3-1), as two writers of question sets read it.
        new("negative: 達成できなかった", ["目標を達成できなかった事業ってある？"], ["2-6", "2-8", "2-16", "3-1", "4-15", "5-25"]),
        new("count: 新しく始まった", ["新しく始まった事業はいくつある？"], ["1-8", "1-10", "1-13", "2-13", "3-21", "3-22", "3-25", "4-3", "4-14", "5-7", "5-9", "5-26"], "12件"),
        new("superlative within the previous answer", ["新しく始まった事業はいくつある？", "その中で一番予算が大きいのは？"], ["1-13"]),
        new("compound: ビッグデータ", ["ビッグデータを活用した事業は？"], ["2-18"]),
        new("a named project's achievement", ["携帯電話通話エリア広域ネットワーク化事業は目標達成できたの？"], ["4-15"], "13地区の整備目標に対し4地区を実施"),
        new("a named project's results", ["帰還支援アプリ利用推進事業の結果はどうだった？"], ["2-17"], "アプリの改修"),
        // 5-19 says 障害 of a system fault: the same word to the dictionaries, so it may be among them (docs/evaluation.md).
        new("everything found is shown", ["障がいのある人向けの事業を教えて"], ["3-3", "3-4", "3-5", "3-24"], Exactly: false),
        new("a follow-up sums everything found", ["障がいのある人向けの事業を教えて", "合わせていくら？"], ["3-3", "3-4", "3-5", "3-24"], "合計", Exactly: false),
        new("a complete question after another", ["会津大学が関わる事業は？", "警察本部の新規事業は？"], ["3-21", "3-25"]),
    ];
}
