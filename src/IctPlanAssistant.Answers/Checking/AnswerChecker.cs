using IctPlanAssistant.Answers.Citations;
using IctPlanAssistant.Answers.Model;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Answers.Checking;

/// <summary>
/// The checks every model answer passes before a user sees it:
/// <list type="number">
/// <item>each [S-N] must be a row the model was given (in its prompt or by a function call); other citations are
/// removed and logged;</item>
/// <item>every budget and count figure must be grounded in the rows the answer cites: a figure printed in one of
/// them, a cited row's budget, an exact sum of cited rows' budgets, or an exact count of cited rows (all of them, or
/// those sharing a department, a section, the new flag or having a budget). The retrieval layer's own count and
/// sum of the matched rows are grounded too (the sum only when the answer cites every row summed). An answer with
/// any other figure fails, and the figure is logged.</item>
/// </list>
/// </summary>
public sealed class AnswerChecker(ILogger<AnswerChecker> logger)
{
    /// <summary>Sums of every subset of cited budgets are allowed up to this many budgets (2^12 sums); beyond, the
    /// total of all of them and each one alone.</summary>
    public const int MaxBudgetsForSubsetSums = 12;

    public AnswerCheck Check(string text, GroundedRows given, RetrievalResult retrieval)
    {
        var removed = CitationParser.Extract(text).Where(id => !given.Contains(id)).ToList();
        if (removed.Count > 0)
        {
            logger.LogWarning("Model answer cited rows it was not given, removed: {Removed}", string.Join(", ", removed));
            text = CitationParser.Rewrite(text, given.Contains);
        }
        var citations = CitationParser.Extract(text);
        var cited = citations.Select(id => given[id]).ToList();
        var grounded = GroundedFigures.Of(cited, retrieval);
        foreach (var figure in FigureReader.Read(text))
        {
            if (grounded.Allows(figure)) continue;
            logger.LogWarning("Model answer states {Kind} figure '{Figure}' ({Value}) that no cited row supports (cited: {Cited})",
                figure.Kind, figure.Text, figure.Value, string.Join(", ", citations));
            return new AnswerCheck(text, citations, removed, figure);
        }
        return new AnswerCheck(text, citations, removed, null);
    }

    /// <summary>The money (yen) and count values an answer citing <c>cited</c> may state.</summary>
    private sealed class GroundedFigures
    {
        private readonly HashSet<decimal> _money = [];
        private readonly HashSet<decimal> _counts = [0];

        public static GroundedFigures Of(IReadOnlyList<PlanRow> cited, RetrievalResult retrieval)
        {
            var g = new GroundedFigures();
            foreach (var row in cited)
            {
                foreach (var cell in new[] { row.Name, row.Summary, row.Achievement, row.Results, row.BudgetText })
                {
                    foreach (var figure in FigureReader.Read(cell)) (figure.Kind == FigureKind.Money ? g._money : g._counts).Add(figure.Value);
                }
            }

            var budgets = cited.Where(r => r.BudgetThousandYen is not null).Select(r => r.BudgetThousandYen!.Value * 1_000m).ToList();
            if (budgets.Count <= MaxBudgetsForSubsetSums)
            {
                for (var mask = 1; mask < 1 << budgets.Count; mask++)
                {
                    var sum = 0m;
                    for (var i = 0; i < budgets.Count; i++) if ((mask & (1 << i)) != 0) sum += budgets[i];
                    g._money.Add(sum);
                }
            }
            else
            {
                g._money.UnionWith(budgets);
                g._money.Add(budgets.Sum());
            }

            g._counts.Add(cited.Count);
            foreach (var group in new[]
                     {
                         cited.GroupBy(r => r.Department).Select(x => x.Count()),
                         cited.GroupBy(r => r.Section).Select(x => x.Count()),
                         cited.GroupBy(r => r.IsNew).Select(x => x.Count()),
                         cited.GroupBy(r => r.BudgetThousandYen is null).Select(x => x.Count()),
                     })
            {
                foreach (var count in group) g._counts.Add(count);
            }

            // The retrieval layer counted and summed every matched row; the answer may state those figures (the
            // sum only when it cites every row that went into it).
            g._counts.Add(retrieval.Aggregate.Count);
            g._counts.Add(retrieval.Total);
            var citedIds = cited.Select(r => r.Id).ToHashSet();
            if (retrieval.Aggregate.RowsWithBudget.Count > 0 && retrieval.Aggregate.RowsWithBudget.All(r => citedIds.Contains(r.Id)))
                g._money.Add(retrieval.Aggregate.BudgetSum * 1_000m);
            return g;
        }

        public bool Allows(Figure figure) => figure.Kind == FigureKind.Money ? _money.Contains(figure.Value) : _counts.Contains(figure.Value);
    }
}
