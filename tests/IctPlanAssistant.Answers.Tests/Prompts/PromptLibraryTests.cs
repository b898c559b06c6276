using IctPlanAssistant.Answers.Model;
using IctPlanAssistant.Answers.Prompts;
using IctPlanAssistant.Answers.Tests.Support;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.SemanticKernel;

namespace IctPlanAssistant.Answers.Tests.Prompts;

[Collection(PlanIndexCollection.Name)]
public sealed class PromptLibraryTests(PlanIndexFixture index) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ictplan-prompts-").FullName;

    [Fact]
    public async Task The_repository_prompts_load_and_render_with_real_rows()
    {
        var library = PromptLibrary.Load();
        using var planIndex = PlanIndex.Open(index.IndexPath);
        var retriever = new PlanRetriever(planIndex, PlanAnalyzers.Create());
        var result = retriever.Retrieve(QueryInterpretation.ForText("タブレット"));
        var rows = ModelInput.RowsFor(result, 5);
        var template = new KernelPromptTemplateFactory().Create(new PromptTemplateConfig(File.ReadAllText(Path.Combine(library.Directory, "answer", PromptLibrary.TemplateFile))));

        // The template engine encodes the values (so that they cannot become prompt markup); the chat prompt parser
        // decodes them again into the message text the model gets.
        var encoded = await template.RenderAsync(new Kernel(), new KernelArguments
        {
            ["rows"] = ModelInput.Rows(rows),
            ["facts"] = ModelInput.Facts(result),
            ["history"] = ModelInput.History([]),
            ["question"] = ModelInput.Text("タブレットを使っている事業は？"),
            ["language"] = ModelInput.Language(QueryLanguage.Japanese),
        });
        var rendered = System.Net.WebUtility.HtmlDecode(encoded);

        Assert.NotEmpty(rows);
        foreach (var (row, _) in rows) Assert.Contains($"\"id\":\"{row.Id}\"", rendered, StringComparison.Ordinal);
        Assert.Contains("-----BEGIN ROWS-----", rendered, StringComparison.Ordinal);
        Assert.Contains("タブレットを使っている事業は？", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("{{$", rendered, StringComparison.Ordinal);
        foreach (var spec in PromptSpec.All) Assert.Equal(spec.Name, library[spec].Name);
    }

    [Fact]
    public void A_missing_prompt_file_is_a_start_up_error_naming_the_file()
    {
        CopyPrompts();
        File.Delete(Path.Combine(_dir, "rewrite", PromptLibrary.TemplateFile));

        var e = Assert.Throws<PromptFileException>(() => PromptLibrary.Load(_dir));

        Assert.Equal(Path.Combine(_dir, "rewrite", PromptLibrary.TemplateFile), e.Path);
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_the_template_does_not_use_is_a_start_up_error_naming_the_file()
    {
        CopyPrompts();
        var path = Path.Combine(_dir, "answer", PromptLibrary.TemplateFile);
        File.WriteAllText(path, File.ReadAllText(path).Replace("{{$rows}}", "", StringComparison.Ordinal));

        var e = Assert.Throws<PromptFileException>(() => PromptLibrary.Load(_dir));

        Assert.Equal(path, e.Path);
        Assert.Contains("{{$rows}}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_variable_is_a_start_up_error_naming_the_file()
    {
        CopyPrompts();
        var path = Path.Combine(_dir, "followups", PromptLibrary.TemplateFile);
        File.AppendAllText(path, "{{$qestion}}");

        var e = Assert.Throws<PromptFileException>(() => PromptLibrary.Load(_dir));

        Assert.Equal(path, e.Path);
        Assert.Contains("qestion", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_missing_from_the_configuration_is_a_start_up_error_naming_the_file()
    {
        CopyPrompts();
        var path = Path.Combine(_dir, "answer", PromptLibrary.ConfigFile);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"name\": \"facts\"", "\"name\": \"fact\"", StringComparison.Ordinal));

        var e = Assert.Throws<PromptFileException>(() => PromptLibrary.Load(_dir));

        Assert.Equal(path, e.Path);
        Assert.Contains("'facts'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_configuration_file_is_a_start_up_error_naming_the_file()
    {
        CopyPrompts();
        var path = Path.Combine(_dir, "rewrite", PromptLibrary.ConfigFile);
        File.WriteAllText(path, "{ \"input_variables\": [ ");

        Assert.Equal(path, Assert.Throws<PromptFileException>(() => PromptLibrary.Load(_dir)).Path);
    }

    private void CopyPrompts()
    {
        foreach (var file in Directory.EnumerateFiles(PromptLibrary.DefaultDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, Path.GetRelativePath(PromptLibrary.DefaultDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
