using System.Buffers;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>
/// A request body read whole into a buffer from the shared pool, or refused once it passes a bound. Every bot turn reads
/// its activity this way: a fresh 16 KB chunk and a growing <see cref="MemoryStream"/> copied to an array were about a
/// tenth of the bytes a turn allocated. Dispose returns the buffer; what was read must not be used after that.
/// </summary>
public sealed class BoundedBody : IDisposable
{
    /// <summary>The first buffer when the length is not declared: an ordinary activity fits.</summary>
    internal const int DefaultFirstSize = 4 * 1024;

    private byte[]? _buffer;

    private BoundedBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    /// <summary>The bytes read; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(BoundedBody))).AsSpan(0, Length);

    /// <summary>
    /// The whole body, or null when it holds more than <paramref name="maxBytes"/> (then reading stops there).
    /// <paramref name="declaredLength"/> (the Content-Length, when sent) sizes the first buffer; the body may still be
    /// longer or shorter than it says, and only what is read counts.
    /// </summary>
    public static async Task<BoundedBody?> ReadAsync(Stream body, int maxBytes, long? declaredLength, CancellationToken cancellationToken)
    {
        // One byte past the declared length, so the read that finds the end needs no larger buffer.
        var first = declaredLength is >= 0 and var n && n < maxBytes ? (int)n + 1 : DefaultFirstSize;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(first, 1), maxBytes + 1L));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)maxBytes + 1, 2L * buffer.Length));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        return new BoundedBody(buffer, length);
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
