using SkiaSharp;

namespace DentalHub.Patients.Photos;

/// <summary>What an upload became: a JPEG for the profile and a small one for lists.</summary>
public sealed record ProcessedPhoto(byte[] Image, byte[] Thumbnail);

/// <summary>
/// Turns an upload into a photo DentalHub serves. The bytes must start as a JPEG, PNG or WebP does and
/// decode as that format; the picture is then drawn again (turned upright by its EXIF orientation,
/// scaled down) and encoded as a new JPEG. What is served is never the uploaded file, so nothing hidden
/// in it (scripts in a polyglot, EXIF location) survives, and its type is ours, not the upload's.
/// </summary>
public static class PhotoImage
{
    public const int MaxUploadBytes = 2 * 1024 * 1024;
    public const int ImageSize = 512;
    public const int ThumbnailSize = 96;
    public const string ContentType = "image/jpeg";

    // A 2 MB file can claim enormous dimensions (a decompression bomb): refused before any decoding.
    private const long MaxPixels = 40_000_000;
    private const int Quality = 85;

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The processed photo, or what is wrong with the file in words a person can act on.</summary>
    public static (ProcessedPhoto? Photo, string? Error) Process(ReadOnlySpan<byte> upload)
    {
        if (upload.Length == 0)
        {
            return (null, "The file is empty.");
        }
        if (upload.Length > MaxUploadBytes)
        {
            return (null, $"The photo is {upload.Length / 1024.0 / 1024.0:0.0} MB; at most {MaxUploadBytes / 1024 / 1024} MB. Save it smaller and upload again.");
        }
        if (Sniff(upload) is not { } format)
        {
            return (null, "This file is not a JPEG, PNG or WebP picture (whatever its name says). Choose a photo in one of those formats.");
        }
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != format)
        {
            return (null, "This picture is damaged and cannot be read. Choose another photo.");
        }
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
        {
            return (null, $"The picture is {info.Width} × {info.Height} pixels; at most {MaxPixels / 1_000_000} megapixels. Choose a smaller photo.");
        }
        using var decoded = Decode(codec);
        if (decoded is null)
        {
            return (null, "This picture is damaged and cannot be read. Choose another photo.");
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        return (new ProcessedPhoto(Encode(upright, ImageSize), Encode(upright, ThumbnailSize)), null);
    }

    /// <summary>The format the first bytes say, or null: the file name and the browser's type are not asked.</summary>
    public static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Jpeg))
        {
            return SKEncodedImageFormat.Jpeg;
        }
        if (bytes.StartsWith(Png))
        {
            return SKEncodedImageFormat.Png;
        }
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }
        return null;
    }

    // JPEG decodes at 1/2, 1/4 or 1/8 directly, which keeps a large photo's memory small.
    private static SKBitmap? Decode(SKCodec codec)
    {
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        var size = codec.GetScaledDimensions(Math.Min(1f, 2f * ImageSize / longest));
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }
        bitmap.Dispose();
        return null;
    }

    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (source.Height, source.Width) : (source.Width, source.Height);
        var result = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(result);
        // Transparent parts of a PNG become white: JPEG has no transparency.
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(Orientation(origin, source.Width, source.Height));
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }

    // The EXIF orientations as transforms of the stored pixels (width w, height h) onto an upright canvas.
    private static SKMatrix Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    private static byte[] Encode(SKBitmap source, int maxSide)
    {
        var scale = Math.Min(1f, (float)maxSide / Math.Max(source.Width, source.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var scaled = source.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new InvalidOperationException("The photo could not be scaled.");
        using var data = scaled.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return data.ToArray();
    }
}
