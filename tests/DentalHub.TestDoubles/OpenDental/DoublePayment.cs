using System.Globalization;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>A payment row as the double keeps it; <see cref="PaymentSource"/> 13 is "API" (payment table, schema 24.3).</summary>
public sealed record DoublePayment(
    long PayNum,
    long PatNum,
    decimal PayAmt,
    long PayType,
    DateOnly PayDate,
    DateOnly DateEntry,
    string PayNote,
    long ClinicNum,
    bool IsPatientPreferred,
    string CheckNum = "",
    int PaymentSource = DoublePayment.ApiSource)
{
    public const int ApiSource = 13;

    /// <summary>As apipayments.html shows it: amounts and ClinicNum as strings, booleans as "true"/"false".</summary>
    public Dictionary<string, object> ToJson(string payTypeName, string serverDateTime) => new()
    {
        ["PayNum"] = PayNum,
        ["PayType"] = PayType,
        ["payType"] = payTypeName,
        ["PayDate"] = PayDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // Open Dental keeps money as a double and prints it the shortest way ("339", "129.99").
        ["PayAmt"] = ((double)PayAmt).ToString(CultureInfo.InvariantCulture),
        ["CheckNum"] = CheckNum,
        ["BankBranch"] = "",
        ["PayNote"] = PayNote,
        ["PatNum"] = PatNum,
        ["ClinicNum"] = ClinicNum.ToString(CultureInfo.InvariantCulture),
        ["DateEntry"] = DateEntry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["DepositNum"] = 0,
        ["Receipt"] = "",
        ["IsRecurringCC"] = "false",
        ["SecUserNumEntry"] = 0,
        ["PaymentSource"] = PaymentSource == ApiSource ? "API" : "None",
        ["ProcessStatus"] = "OfficeProcessed",
        ["RecurringChargeDate"] = "0001-01-01",
        ["IsCcCompleted"] = "false",
        ["serverDateTime"] = serverDateTime,
    };
}

/// <summary>A paysplit: one patient and one provider per split; a payment's splits add up to its PayAmt.</summary>
public sealed record DoublePaySplit(long SplitNum, long PayNum, long PatNum, decimal SplitAmt, long ProvNum, long ClinicNum, DateOnly DatePay);

/// <summary>A definition row; category 10 holds the payment types, 27 the commlog types, 2 the appointment confirmations.</summary>
public sealed record DoubleDefinition(long DefNum, int Category, string ItemName, string ItemValue = "", bool IsHidden = false)
{
    public const int PaymentTypes = 10;
    public const int CommLogTypes = 27;
    public const int AdjTypes = 1;
    public const int ApptConfirmed = 2;
    public const int ImageCats = 18;

    /// <summary>The commlog type POST /commlogs files under when none is named ("Default Miscellaneous").</summary>
    public const long MiscCommLogType = 239;

    /// <summary>
    /// The blank database's stock payment types (UnitTests/Resources/dump.txt), adjustment types (three shown, one hidden), and the
    /// commlog types apicommlogs.html's examples show.
    /// </summary>
    public static IReadOnlyList<DoubleDefinition> Stock { get; } =
    [
        new(69, PaymentTypes, "Check"),
        new(70, PaymentTypes, "Cash"),
        new(71, PaymentTypes, "Credit Card"),
        new(293, AdjTypes, "Sales Tax", "+"),
        new(294, AdjTypes, "Membership Discount", "-"),
        new(295, AdjTypes, "Patient Refund", "+"),
        new(296, AdjTypes, "Old Discount", "-", IsHidden: true),
        new(235, CommLogTypes, "ApptRelated"),
        new(236, CommLogTypes, "Insurance"),
        new(MiscCommLogType, CommLogTypes, "Misc"),
        new(19, ApptConfirmed, "Not Called"),
        new(21, ApptConfirmed, "Confirmed"),
        new(184, ImageCats, "Patient Information"),
        new(185, ImageCats, "Financial"),
        new(186, ImageCats, "Treatment Plans"),
        new(187, ImageCats, "Old Scans", IsHidden: true),
    ];

    public string CategoryName => Category switch
    {
        PaymentTypes => "PaymentTypes",
        CommLogTypes => "CommLogTypes",
        AdjTypes => "AdjTypes",
        ApptConfirmed => "ApptConfirmed",
        ImageCats => "ImageCats",
        _ => Category.ToString(CultureInfo.InvariantCulture),
    };

    public Dictionary<string, object> ToJson() => new()
    {
        ["DefNum"] = DefNum,
        ["ItemName"] = ItemName,
        ["ItemValue"] = ItemValue,
        ["Category"] = Category,
        ["category"] = CategoryName,
        ["isHidden"] = IsHidden ? "true" : "false",
    };
}
