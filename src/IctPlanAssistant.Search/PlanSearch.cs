using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search;

/// <summary>
/// The one way from a question to rows, for every channel (the chat and the bot through the assistant, the staff
/// search, <c>ictplan search</c>, the model's tools): the question is read and its rows retrieved over one index
/// snapshot, so the names it was read against and the rows it finds come from the same generation.
/// </summary>
public sealed class PlanSearch(QueryInterpreter interpreter, PlanRetriever retriever)
{
    public PlanIndex Index => retriever.Index;

    public RetrievalResult Search(SearchRequest request)
    {
        using var snapshot = retriever.Index.Acquire();
        var interpretation = request.Filters.ApplyTo(interpreter.Interpret(request.Text, request.Previous, snapshot));
        if (request.Language is { } language) interpretation = interpretation with { Language = language };
        var result = retriever.Retrieve(interpretation, OptionsOf(request), snapshot);
        // The special needs one, when none of the previous answer's rows is about special needs: the plan's row that is.
        if (result.IsEmpty && interpretation.TellsOne)
            result = retriever.Retrieve(interpretation = interpretation with { Scope = null, Within = null, TellsOne = false }, OptionsOf(request), snapshot);
        // Nothing in the plan, right after an answer: the question may be about that answer's rows without saying so.
        if (result.IsEmpty && QueryInterpreter.OnPreviousRows(interpretation, request.Previous) is { } onPrevious &&
            retriever.Retrieve(onPrevious, OptionsOf(request), snapshot) is { IsEmpty: false } found)
            return found;
        // Nothing found: what the plan says instead, from the same snapshot's words.
        return result.IsEmpty ? result with { NearestWords = NearestWords.For(interpretation, IndexVocabulary.Of(snapshot)) } : result;
    }

    /// <summary>Rows for an interpretation already made (a refiner's variant of the turn's question).</summary>
    public RetrievalResult Search(QueryInterpretation interpretation, SearchRequest shape)
    {
        using var snapshot = retriever.Index.Acquire();
        return retriever.Retrieve(interpretation, OptionsOf(shape), snapshot);
    }

    /// <summary>One row by id, or null.</summary>
    public PlanRow? Get(RowId id) => retriever.Get(id);

    /// <summary>Every row, in id order.</summary>
    public IEnumerable<PlanRow> All() => retriever.All();

    private static RetrievalOptions OptionsOf(SearchRequest request) => RetrievalOptions.Default with
    {
        Top = request.Top,
        Sort = request.Sort,
        Highlight = request.Highlight,
        CommonWordsOnlyRank = request.CommonWordsOnlyRank,
    };
}
