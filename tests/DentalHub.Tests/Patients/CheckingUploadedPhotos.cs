using System.Text;
using DentalHub.Patients.Photos;
using SkiaSharp;

namespace DentalHub.Tests.Patients;

/// <summary>What an uploaded file must be before it becomes a profile photo, and what is stored instead of it.</summary>
public sealed class CheckingUploadedPhotos
{
    [Fact]
    public void Process_TextFileRenamedPng_IsRefusedAsNotAPicture()
    {
        var (photo, error) = PhotoImage.Process(Encoding.UTF8.GetBytes("<script>alert('x')</script> this is not a picture"));

        Assert.Null(photo);
        Assert.Contains("not a JPEG, PNG or WebP", error);
    }

    [Fact]
    public void Process_GifPicture_IsRefused()
    {
        var (photo, error) = PhotoImage.Process("GIF89a\x01\x00\x01\x00\x00\x00\x00;"u8.ToArray());

        Assert.Null(photo);
        Assert.Contains("not a JPEG, PNG or WebP", error);
    }

    [Fact]
    public void Process_PngHeaderFollowedByGarbage_IsRefusedAsDamaged()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes(new string('x', 200))];

        var (photo, error) = PhotoImage.Process(bytes);

        Assert.Null(photo);
        Assert.Contains("damaged", error);
    }

    [Fact]
    public void Process_JpegBytesCalledPngByTheirStart_MustDecodeAsWhatTheyClaim()
    {
        // A PNG signature in front of a JPEG: the sniffed format and the decoder disagree.
        var jpeg = TestImages.Make(SKEncodedImageFormat.Jpeg);
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. jpeg];

        Assert.Null(PhotoImage.Process(bytes).Photo);
    }

    [Fact]
    public void Process_FileOverTwoMegabytes_IsRefusedWithTheLimit()
    {
        var big = new byte[PhotoImage.MaxUploadBytes + 1];
        TestImages.Make(SKEncodedImageFormat.Png).CopyTo(big, 0);

        var (photo, error) = PhotoImage.Process(big);

        Assert.Null(photo);
        Assert.Contains("at most 2 MB", error);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Process_Picture_IsStoredAsNewJpegScaledDown(SKEncodedImageFormat format)
    {
        var upload = TestImages.Make(format, 1600, 1200);

        var (photo, error) = PhotoImage.Process(upload);

        Assert.Null(error);
        Assert.NotNull(photo);
        Assert.Equal(SKEncodedImageFormat.Jpeg, PhotoImage.Sniff(photo.Image));
        Assert.NotEqual(upload, photo.Image);
        using var image = SKBitmap.Decode(photo.Image);
        using var thumbnail = SKBitmap.Decode(photo.Thumbnail);
        Assert.Equal((PhotoImage.ImageSize, 384), (image.Width, image.Height));
        Assert.Equal(PhotoImage.ThumbnailSize, thumbnail.Width);
    }

    [Fact]
    public void Process_PngWithHugeDimensions_IsRefusedBeforeDecoding()
    {
        // 10,000 x 10,000 of one colour compresses to a small file but would decode to 400 MB.
        using var bitmap = new SKBitmap(new SKImageInfo(10_000, 10_000, SKColorType.Gray8));
        bitmap.Erase(SKColors.White);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        Assert.True(data.Size < PhotoImage.MaxUploadBytes);

        var (photo, error) = PhotoImage.Process(data.ToArray());

        Assert.Null(photo);
        Assert.Contains("megapixels", error);
    }
}
