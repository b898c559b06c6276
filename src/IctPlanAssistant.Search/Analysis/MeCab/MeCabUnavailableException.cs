namespace IctPlanAssistant.Search.Analysis.MeCab;

/// <summary>MeCab or its dictionary cannot be loaded; the message says what to install.</summary>
public sealed class MeCabUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const string InstallHint = "install it with: sudo apt-get install -y libmecab2 mecab-ipadic-utf8";
}
