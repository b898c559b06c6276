using IctPlanAssistant.Text;

namespace IctPlanAssistant.Core.Tests.Text;

public sealed class OrganisationNamesTests
{
    [Fact]
    public void Split_SeparatesNamesAtSpaces()
    {
        Assert.Equal(["農林企画課", "農業振興課"], OrganisationNames.Split("農林企画課 農業振興課"));
        Assert.Equal(["広報課", "災害対策課", "土木企画課", "水・大気環境課"], OrganisationNames.Split("広報課 災害対策課 土木企画課 水・大気環境課"));
    }

    [Fact]
    public void Split_KeepsABracketedPartWithTheNameBeforeIt()
    {
        Assert.Equal(["環境共生課（環境創造センター）"], OrganisationNames.Split("環境共生課 （環境創造センター）"));
        Assert.Equal(["私学・法人課(会津大学)"], OrganisationNames.Split("私学・法人課 (会津大学)"));
    }

    [Fact]
    public void Split_KeepsABracketedPartAfterANameThatIsStillBeingJoined()
    {
        Assert.Equal(["環境共生課（環境創造センター）", "広報課"], OrganisationNames.Split("環境共生課（環境創造センター） 広報課"));
    }

    [Fact]
    public void Split_JoinsAWrappedNameUntilItEndsLikeAnOrganisation()
    {
        Assert.Equal(["水・大気環境課", "広報課"], OrganisationNames.Split("水・大 気環境課 広報課"));
    }

    [Fact]
    public void Split_JoinsAWrapInsideBrackets()
    {
        Assert.Equal(["環境共生課（環境創造センター）"], OrganisationNames.Split("環境 共生課 （環境創造 センター）"));
        Assert.Equal(["環境共生課（環境創造センター）", "広報課"], OrganisationNames.Split("環境共生課（環境 創造センター） 広報課"));
    }

    [Theory]
    [InlineData("情報政策課")]
    [InlineData("生涯学習課")]
    [InlineData("総務部等")]
    [InlineData("警察本部")]
    [InlineData("教育庁")]
    [InlineData("ハイテクプラザ会津若松技術支援センター")]
    public void Split_KeepsASingleNameWhole(string name)
    {
        Assert.Equal([name], OrganisationNames.Split(name));
    }

    [Fact]
    public void Split_ReadsNamesFromHtmlParagraphs()
    {
        Assert.Equal(["広報課", "災害対策課"], OrganisationNames.Split("<p>広報課</p><p>災害対策課</p>"));
    }

    [Fact]
    public void Split_ReadsNamesSeparatedByIdeographicSpacesAndNewlines()
    {
        Assert.Equal(["高齢福祉課", "地域医療課", "医療人材対策室"], OrganisationNames.Split("高齢福祉課\u3000地域医療課\n医療人材対策室"));
    }

    [Fact]
    public void Split_GivesNoNamesForAnEmptyCell()
    {
        Assert.Empty(OrganisationNames.Split(""));
        Assert.Empty(OrganisationNames.Split("  "));
    }
}
