using IctPlanAssistant.Bot.Hosting;

namespace IctPlanAssistant.Bot.Tests;

/// <summary>A body read into a pooled buffer: every byte of it up to the bound, nothing past it, whatever the reads and the declared length.</summary>
public sealed class BoundedBodyTests
{
    public static TheoryData<int, int, long?> Cases() => new()
    {
        // length, largest read, declared length
        { 0, 16, null },
        { 0, 16, 0 },
        { 1, 1, null },
        { 300, 7, null },
        { 300, 4096, 300 },
        { 300, 4096, 10 }, // declared shorter than sent
        { 300, 4096, 5000 }, // declared longer than sent
        { 4096, 4096, null }, // exactly the first buffer
        { 4097, 1000, null },
        { 50_000, 3000, null }, // grown several times
        { 100_000, 100_000, 100_000 }, // exactly the bound
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Reads_every_byte_up_to_the_bound(int length, int largestRead, long? declared)
    {
        var sent = Bytes(length);

        using var body = await BoundedBody.ReadAsync(new TrickleStream(sent, largestRead), 100_000, declared, CancellationToken.None);

        Assert.NotNull(body);
        Assert.Equal(length, body.Length);
        Assert.True(body.Span.SequenceEqual(sent));
    }

    [Theory]
    [InlineData(100_001, 4096, null)]
    [InlineData(100_001, 100_001, 100_000L)]
    [InlineData(250_000, 7000, 10L)]
    public async Task A_body_past_the_bound_is_refused(int length, int largestRead, long? declared)
    {
        var body = await BoundedBody.ReadAsync(new TrickleStream(Bytes(length), largestRead), 100_000, declared, CancellationToken.None);

        Assert.Null(body);
    }

    [Fact]
    public async Task The_span_is_not_readable_after_dispose()
    {
        var body = await BoundedBody.ReadAsync(new TrickleStream(Bytes(10), 10), 100, null, CancellationToken.None);
        Assert.NotNull(body);

        body.Dispose();
        body.Dispose(); // twice is harmless

        Assert.Throws<ObjectDisposedException>(() => body.Span.Length);
    }

    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 + 7)).ToArray();

    /// <summary>Hands out at most <c>largestRead</c> bytes a read, as a socket may.</summary>
    private sealed class TrickleStream(byte[] data, int largestRead) : Stream
    {
        private int _at;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, largestRead), data.Length - _at);
            data.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
