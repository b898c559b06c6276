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
}
