using IctPlanAssistant.Search.Analysis.MeCab;

namespace IctPlanAssistant.Search.Tests.Analysis;

public sealed class MeCabModelTests
{
    [Fact]
    public void Open_WithoutTheDictionary_SaysWhichPackagesToInstall()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<MeCabUnavailableException>(() => MeCabModel.Open(new MeCabOptions { DictionaryDirectory = dir.Path, UserDictionaryPath = null }));

        Assert.Contains("apt-get install", e.Message);
        Assert.Contains("mecab-ipadic-utf8", e.Message);
        Assert.Contains(dir.Path, e.Message);
    }

    [Fact]
    public void Open_WithAnUnreadableDictionary_SaysWhichPackagesToInstall()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(Path.Combine(dir.Path, "sys.dic"), new byte[1024]);

        var e = Assert.Throws<MeCabUnavailableException>(() => MeCabModel.Open(new MeCabOptions { DictionaryDirectory = dir.Path, UserDictionaryPath = null }));

        Assert.Contains("apt-get install", e.Message);
    }

    [Fact]
    public void Open_WithAMissingUserDictionary_SaysToRebuild()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "user.dic");

        var e = Assert.Throws<MeCabUnavailableException>(() => MeCabModel.Open(new MeCabOptions { UserDictionaryPath = missing }));

        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void Open_ReadsTheDebianIpadic()
    {
        using var model = MeCabModel.Open(new MeCabOptions());
        using var lattice = model.CreateLattice();
        var morphemes = new List<MeCabMorpheme>();

        model.Parse("見守り活動", lattice, morphemes);

        Assert.Equal([(0, 3), (3, 5)], morphemes.Select(m => (m.Start, m.End)));
    }

    [Fact]
    public void The_same_text_parsed_again_gives_the_same_morphemes_as_a_fresh_parse()
    {
        var model = MeCabModel.Shared;
        using var lattice = model.CreateLattice();
        foreach (var text in new[] { "県のホームページを管理している事業", "県のホームページを管理している事業", "きゅうきゅうはんそう", "見守り活動", "見守り活動" })
        {
            var fresh = new List<MeCabMorpheme>();
            model.Parse(text, lattice, fresh);
            var kept = new List<MeCabMorpheme> { fresh[0] }; // what the list held before stays ahead of the parse
            model.Parse(text, kept);
            Assert.Equal([fresh[0], .. fresh], kept);
        }
    }

    [Fact]
    public void A_kept_parse_is_not_given_for_another_text_or_model()
    {
        using var other = MeCabModel.Open(new MeCabOptions());
        var first = new List<MeCabMorpheme>();
        MeCabModel.Shared.Parse("情報発信", first);
        var longer = new List<MeCabMorpheme>();
        MeCabModel.Shared.Parse("情報発信する", longer);
        Assert.NotEqual(first.Count, longer.Count);
        var again = new List<MeCabMorpheme>();
        MeCabModel.Shared.Parse("情報発信", again);
        var byOther = new List<MeCabMorpheme>();
        other.Parse("情報発信", byOther);
        Assert.Equal(first, again);
        Assert.Equal(first.Select(m => (m.Start, m.End)), byOther.Select(m => (m.Start, m.End)));
    }
}
