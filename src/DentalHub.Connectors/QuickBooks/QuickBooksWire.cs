using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>
/// QuickBooks Online's JSON, only the fields DentalHub sends or reads. Names mirror the elements of Intuit's
/// Finance.xsd (a reference is <c>{"value": id, "name": ...}</c>); nulls are left out.
/// </summary>
internal static class QuickBooksWire
{
    public static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };

    public const string DateFormat = "yyyy-MM-dd";

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static T? Read<T>(string body) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal sealed record WireRef(
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("name")] string? Name = null);

internal sealed record WireDepositLineDetail(WireRef? AccountRef);

internal sealed record WireLine(
    string? Id,
    string? Description,
    decimal? Amount,
    string? DetailType,
    WireDepositLineDetail? DepositLineDetail)
{
    public const string DepositLineDetailType = "DepositLineDetail";

    public static WireLine For(DepositLine line) =>
        new(null, line.Description, line.Amount, DepositLineDetailType, new WireDepositLineDetail(new WireRef(line.AccountId)));

    public DepositLine ToLine() => new(DepositLineDetail?.AccountRef?.Value ?? "", Amount ?? 0m, Description ?? "");
}

internal sealed record WireDeposit(
    string? Id,
    string? TxnDate,
    WireRef? CurrencyRef,
    string? PrivateNote,
    IReadOnlyList<WireLine>? Line,
    WireRef? DepositToAccountRef,
    decimal? TotalAmt)
{
    /// <summary>The body of a create: TxnDate, the bank account, our note, the lines; TotalAmt is QuickBooks' to compute.</summary>
    public static WireDeposit For(DepositWrite deposit, string privateNote, string? currency) => new(
        null,
        QuickBooksWire.Date(deposit.TxnDate),
        currency is null ? null : new WireRef(currency),
        privateNote,
        [.. deposit.Lines.Select(WireLine.For)],
        new WireRef(deposit.DepositAccountId),
        null);

    public WrittenDeposit? ToWritten() => Id is null || QuickBooksWire.Date(TxnDate) is not { } date
        ? null
        : new WrittenDeposit(Id, date, DepositToAccountRef?.Value ?? "", TotalAmt ?? 0m, PrivateNote,
            [.. (Line ?? []).Select(l => l.ToLine())]);
}

internal sealed record WireAccount(
    string? Id,
    string? Name,
    string? FullyQualifiedName,
    string? AccountType,
    string? AccountSubType,
    bool? Active,
    WireRef? CurrencyRef)
{
    public LedgerAccount? ToAccount() => Id is null
        ? null
        : new LedgerAccount(Id, Name ?? "", FullyQualifiedName ?? Name ?? "", AccountType ?? "", AccountSubType, Active ?? true, CurrencyRef?.Value);
}

internal sealed record WireCompanyInfo(string? CompanyName);

internal sealed record WireCurrencyPrefs(bool? MultiCurrencyEnabled, WireRef? HomeCurrency);

internal sealed record WirePreferences(WireCurrencyPrefs? CurrencyPrefs);

/// <summary><c>{"Deposit": {...}}</c>, <c>{"CompanyInfo": {...}}</c>, <c>{"Preferences": {...}}</c> or a query's <c>{"QueryResponse": {...}}</c>.</summary>
internal sealed record WireEnvelope(WireDeposit? Deposit, WireCompanyInfo? CompanyInfo, WirePreferences? Preferences, WireQueryResponse? QueryResponse);

internal sealed record WireQueryResponse(IReadOnlyList<WireDeposit>? Deposit, IReadOnlyList<WireAccount>? Account);
