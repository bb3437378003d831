using System.Globalization;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>A document <c>POST /documents/Upload</c> created (document table), with the file as it arrived.</summary>
public sealed record DoubleDocument(
    long DocNum,
    long PatNum,
    string FileName,
    byte[] Content,
    string Description,
    DateTime DateCreated,
    long DocCategory,
    string ImgType,
    DateTime DateTStamp)
{
    /// <summary>An item of GET /documents, as apidocuments.html shows it (the file itself is not in it).</summary>
    public Dictionary<string, object?> ToJson(string categoryName, string serverDateTime) => new()
    {
        ["DocNum"] = DocNum,
        ["MountNum"] = 0,
        ["filePath"] = $"\\\\server\\OpenDentImages\\P\\Patient{PatNum}\\{FileName}",
        ["Description"] = Description,
        ["Note"] = "",
        ["DateCreated"] = DateCreated.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["docCategory"] = categoryName,
        ["DocCategory"] = DocCategory,
        ["ToothNumbers"] = "",
        ["DateTStamp"] = DateTStamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["serverDateTime"] = serverDateTime,
    };
}
