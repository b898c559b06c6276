using System.Net;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>Whether an address the server listens on (<c>http://127.0.0.1:8080</c>, <c>http://+:80</c>, <c>http://unix:/run/x.sock</c>) is reachable from this machine only.</summary>
public static class ListeningAddresses
{
    public static bool IsLoopback(string address)
    {
        var binding = BindingAddress.Parse(address);
        if (binding.IsNamedPipe || binding.IsUnixPipe) return false; // behind whatever proxy reads it
        var host = binding.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
