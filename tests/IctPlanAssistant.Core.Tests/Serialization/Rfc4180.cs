using System.Text;

namespace IctPlanAssistant.Tests.Shared;

/// <summary>A strict RFC 4180 reader for checking CSV output: quoted fields may hold commas, quotes and line breaks.</summary>
internal static class Rfc4180
{
    public static List<string[]> Read(string csv)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var atFieldStart = true;
        while (i < csv.Length)
        {
            var c = csv[i];
            if (atFieldStart && c == '"')
            {
                i++;
                while (true)
                {
                    if (i >= csv.Length) throw new FormatException("unterminated quoted field");
                    if (csv[i] == '"')
                    {
                        if (i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(csv[i++]);
                }
                atFieldStart = false;
                if (i < csv.Length && csv[i] is not (',' or '\r'))
                    throw new FormatException($"text after a closing quote at {i}");
                continue;
            }
            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
                i++;
            }
            else if (c == '\r')
            {
                if (i + 1 >= csv.Length || csv[i + 1] != '\n') throw new FormatException($"bare CR at {i}");
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                atFieldStart = true;
                i += 2;
            }
            else if (c is '"' or '\n')
            {
                throw new FormatException($"'{(c == '\n' ? "\\n" : c)}' outside a quoted field at {i}");
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
                i++;
            }
        }
        if (!atFieldStart || fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }
}
