using SkiaSharp;

namespace DentalHub.Tests.Patients;

/// <summary>Pictures made in the test, in the formats staff upload.</summary>
public static class TestImages
{
    public static byte[] Make(SKEncodedImageFormat format, int width = 300, int height = 200, SKColor? color = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color ?? SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
