namespace IctPlanAssistant.Search.Analysis.MeCab;

/// <summary>Where MeCab's dictionaries are.</summary>
public sealed record MeCabOptions
{
    /// <summary>Debian's compiled IPADIC (package mecab-ipadic-utf8).</summary>
    public const string DebianIpadic = "/var/lib/mecab/dic/ipadic-utf8";

    /// <summary>The system dictionary: MECAB_DICDIR if set, else Debian's IPADIC.</summary>
    public string DictionaryDirectory { get; init; } =
        Environment.GetEnvironmentVariable("MECAB_DICDIR") is { Length: > 0 } dir ? dir : DebianIpadic;

    /// <summary>The compiled domain user dictionary; null for none. By default the one built beside the assembly.</summary>
    public string? UserDictionaryPath { get; init; } = DefaultUserDictionary();

    public static string? DefaultUserDictionary()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "mecab", "user.dic");
        return File.Exists(path) ? path : null;
    }
}
