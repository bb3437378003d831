using SkiaSharp;

namespace DentalHub.Documents;

/// <summary>
/// Whether an upload may go to a patient's chart: a PDF, JPEG or PNG by its bytes (the file name and the browser's type
/// are not asked, so a program renamed ".pdf" is refused), not empty, not over <see cref="MaxBytes"/>; pictures must
/// also decode as what they say they are. The bytes are kept and sent as uploaded: the PMS keeps the original.
/// </summary>
public static class DocumentFile
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxNameLength = 200;
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    /// <summary>What the file picker offers.</summary>
    public const string Accept = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

    public static string TooLarge(long bytes) =>
        $"The file is {bytes / 1024.0 / 1024.0:0.0} MB; at most {MaxBytes / 1024 / 1024} MB. Save it smaller (a PDF of fewer pages, a smaller scan) and attach it again.";

    public const string NotADocument = "This file is not a PDF, JPEG or PNG (whatever its name says). Attach a PDF or a picture in one of those formats.";
    public const string Damaged = "This picture is damaged and cannot be read. Attach another file.";

    private static readonly byte[] PdfStart = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngStart = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The content type the bytes are, or what is wrong with the file in words a person can act on.</summary>
    public static (string? ContentType, string? Error) Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return (null, "The file is empty.");
        }
        if (bytes.Length > MaxBytes)
        {
            return (null, TooLarge(bytes.Length));
        }
        if (bytes.StartsWith(PdfStart))
        {
            return (Pdf, null);
        }
        var format = bytes.StartsWith(JpegStart) ? SKEncodedImageFormat.Jpeg : bytes.StartsWith(PngStart) ? SKEncodedImageFormat.Png : (SKEncodedImageFormat?)null;
        if (format is null)
        {
            return (null, NotADocument);
        }
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec is null || codec.EncodedFormat != format || codec.Info.Width <= 0
            ? (null, Damaged)
            : (format == SKEncodedImageFormat.Jpeg ? Jpeg : Png, null);
    }

    /// <summary>
    /// The name shown and sent: no folders, no characters a file system or a header would trip on, at most
    /// <see cref="MaxNameLength"/> characters, and the extension of what the bytes are.
    /// </summary>
    public static string SafeName(string? uploaded, string contentType)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName((uploaded ?? "").Replace('\\', '/')));
        var cleaned = new string(name.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '(' or ')' ? c : '_').ToArray()).Trim(' ', '.');
        var extension = contentType switch { Pdf => ".pdf", Jpeg => ".jpg", _ => ".png" };
        if (cleaned.Length == 0)
        {
            cleaned = "document";
        }
        return cleaned[..Math.Min(cleaned.Length, MaxNameLength - extension.Length)] + extension;
    }
}
