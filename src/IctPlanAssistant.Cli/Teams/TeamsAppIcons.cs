namespace IctPlanAssistant.Cli.Teams;

/// <summary>
/// The app's icons, drawn here rather than kept as binary files: a speech bubble holding the rows of a table.
/// Teams wants a 192×192 full-colour icon and a 32×32 outline icon (white on transparent).
/// </summary>
internal static class TeamsAppIcons
{
    public const uint Accent = 0x1F6FB2FF; // the manifest's accentColor
    private const uint White = 0xFFFFFFFF;

    public static byte[] Color()
    {
        var image = new PngImage(192, 192);
        image.Fill((_, _) => true, Accent);
        DrawBubble(image, scale: 1, White);
        // Three table rows inside the bubble, in the accent colour.
        for (var row = 0; row < 3; row++)
            image.Fill(PngImage.RoundedRect(60, 62 + row * 22, 132, 72 + row * 22, 4), Accent);
        return image.Encode();
    }

    public static byte[] Outline()
    {
        var image = new PngImage(32, 32);
        const double s = 32.0 / 192;
        DrawBubble(image, s, White);
        // Cut the rows out of the bubble so the outline reads at 32 pixels.
        for (var row = 0; row < 3; row++)
            image.Fill(PngImage.RoundedRect(60 * s, (62 + row * 22) * s, 132 * s, (72 + row * 22) * s, 1), 0x00000000);
        return image.Encode();
    }

    private static void DrawBubble(PngImage image, double scale, uint rgba)
    {
        image.Fill(PngImage.RoundedRect(36 * scale, 40 * scale, 156 * scale, 138 * scale, 18 * scale), rgba);
        image.Fill(PngImage.Triangle((60 * scale, 130 * scale), (96 * scale, 130 * scale), (52 * scale, 162 * scale)), rgba);
    }
}
