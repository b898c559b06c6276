using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace IctPlanAssistant.Web.Tests.Pages;

[Collection(BundledPlanCollection.Name)]
public sealed class StaticContentTests(BundledPlanHost host)
{
    [Theory]
    [InlineData("br", "/js/chat.js")]
    [InlineData("gzip", "/css/site.css")]
    [InlineData("br", "/")]
    public async Task Static_files_and_pages_are_compressed_as_the_browser_accepts(string encoding, string path)
    {
        using var client = Plain();
        using var plain = await client.GetAsync(path);
        var expected = await plain.Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < expected.Length, $"{compressed.Length} compressed bytes, {expected.Length} plain");
        Assert.Equal(expected, Decompress(encoding, compressed));
    }

    [Fact]
    public async Task A_static_file_is_revalidated_by_its_etag_and_unchanged_costs_a_304()
    {
        using var client = Plain();
        using var first = await client.GetAsync("/js/chat.js");
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/js/chat.js");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Api_responses_are_not_compressed()
    {
        using var client = Plain();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?top=50");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await client.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    /// <summary>A client that leaves the body as sent (no automatic decompression).</summary>
    private HttpClient Plain() => new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = host.Host.BaseAddress };

    private static byte[] Decompress(string encoding, byte[] bytes)
    {
        using var input = new MemoryStream(bytes);
        using Stream stream = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
