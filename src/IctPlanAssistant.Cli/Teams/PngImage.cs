using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace IctPlanAssistant.Cli.Teams;

/// <summary>A small RGBA canvas written as PNG: enough to draw the app's icons in code, with no image library and no download.</summary>
internal sealed class PngImage(int width, int height)
{
    private readonly byte[] _pixels = new byte[width * height * 4];

    public int Width { get; } = width;

    public int Height { get; } = height;

    /// <summary>Paints the pixels whose centre is inside <paramref name="inside"/> (coordinates in pixels).</summary>
    public void Fill(Func<double, double, bool> inside, uint rgba)
    {
        for (var y = 0; y < Height; y++)
        for (var x = 0; x < Width; x++)
        {
            if (!inside(x + 0.5, y + 0.5)) continue;
            var i = (y * Width + x) * 4;
            _pixels[i] = (byte)(rgba >> 24);
            _pixels[i + 1] = (byte)(rgba >> 16);
            _pixels[i + 2] = (byte)(rgba >> 8);
            _pixels[i + 3] = (byte)rgba;
        }
    }

    public static Func<double, double, bool> RoundedRect(double left, double top, double right, double bottom, double radius)
    {
        radius = Math.Min(radius, Math.Min(right - left, bottom - top) / 2);
        return (x, y) => Inside(x, y, left, top, right, bottom, radius);
    }

    private static bool Inside(double x, double y, double left, double top, double right, double bottom, double radius)
    {
        if (x < left || x > right || y < top || y > bottom) return false;
        var cx = Math.Clamp(x, left + radius, right - radius);
        var cy = Math.Clamp(y, top + radius, bottom - radius);
        return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
    }

    public static Func<double, double, bool> Triangle((double X, double Y) a, (double X, double Y) b, (double X, double Y) c) => (x, y) =>
    {
        static double Side((double X, double Y) p, (double X, double Y) q, double x, double y) => (x - q.X) * (p.Y - q.Y) - (p.X - q.X) * (y - q.Y);
        var d1 = Side(a, b, x, y);
        var d2 = Side(b, c, x, y);
        var d3 = Side(c, a, x, y);
        return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
    };

    public byte[] Encode()
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bits per channel
        header[9] = 6; // RGBA
        WriteChunk(png, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                for (var y = 0; y < Height; y++)
                {
                    zlib.WriteByte(0); // filter: none
                    zlib.Write(_pixels, y * Width * 4, Width * 4);
                }
            }
            WriteChunk(png, "IDAT", data.ToArray());
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeBytes, data));
        png.Write(crc);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] type, byte[] data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in type.Concat(data)) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
