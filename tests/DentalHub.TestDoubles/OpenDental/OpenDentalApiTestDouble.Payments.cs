using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// Payments and definitions, as https://opendental.com/site/apipayments.html and apidefinitions.html
/// describe them: <c>POST /payments</c> (PatNum and PayAmt required; PayType defaults to the office's
/// ApiPaymentType; splits made by Open Dental; 201 with the payment), <c>GET /payments</c> (PatNum,
/// PayType, DateEntry "on or after"), and <c>GET /definitions</c> (Category, includeHidden).
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    /// <summary>The office's ApiPaymentType preference (Setup > Advanced Setup > API): used when a POST has no PayType.</summary>
    public const long ApiPaymentType = 71;

    private readonly List<DoublePayment> payments = [];
    private readonly List<DoublePaySplit> splits = [];
    private readonly List<DoubleDefinition> definitions = [.. DoubleDefinition.Stock];
    private readonly DoubleWriteEndpoint paymentWrites;

    /// <summary>What every <c>POST /payments</c> shares with the other creating endpoints: bodies, faults, timing.</summary>
    public DoubleWriteEndpoint PaymentWrites => paymentWrites;
    private long nextPayNum = 900;
    private long nextSplitNum = 4000;

    /// <summary>How long <see cref="PaymentFault.TimeoutAfterCommit"/> holds the answer.</summary>
    public TimeSpan PaymentHold
    {
        get => paymentWrites.Hold;
        set => paymentWrites.Hold = value;
    }

    /// <summary>
    /// How long every <c>POST /payments</c> takes to answer: the payment is kept at once, the answer comes
    /// this much later (a slow office server). A client that goes away meanwhile never hears of it.
    /// </summary>
    public TimeSpan PaymentLatency
    {
        get => paymentWrites.Latency;
        set => paymentWrites.Latency = value;
    }

    /// <summary>Called (under the double's lock, so keep it short) the moment a payment is kept, e.g. to time a writeback.</summary>
    public Action<DoublePayment>? PaymentCommitted { get; set; }

    /// <summary>The Retry-After header <see cref="PaymentFault.Status429"/> sends (seconds or an HTTP date).</summary>
    public string PaymentRetryAfter
    {
        get => paymentWrites.RetryAfter;
        set => paymentWrites.RetryAfter = value;
    }

    public IReadOnlyList<DoublePayment> Payments
    {
        get { lock (gate) { return payments.ToList(); } }
    }

    public IReadOnlyList<DoublePaySplit> PaySplits
    {
        get { lock (gate) { return splits.ToList(); } }
    }

    /// <summary>The JSON bodies of every POST /payments, as sent.</summary>
    public IReadOnlyList<string> PaymentBodies => paymentWrites.Bodies;

    /// <summary>How many POST /payments arrived, whatever happened to them.</summary>
    public int PaymentPosts => paymentWrites.Posts;

    public void FailNextPayment(PaymentFault fault, int count = 1) => paymentWrites.FailNext(fault, count);

    public void AddDefinition(DoubleDefinition definition)
    {
        lock (gate)
        {
            definitions.Add(definition);
        }
    }

    /// <summary>A payment entered in Open Dental by hand (or by another program).</summary>
    public DoublePayment AddPayment(long patNum, decimal amount, string payNote, DateOnly? dateEntry = null)
    {
        lock (gate)
        {
            var today = DateOnly.FromDateTime(OfficeNow);
            return Commit(patients[patNum], amount, ApiPaymentType, dateEntry ?? today, payNote, patientPreferred: false, dateEntry ?? today);
        }
    }

    private void MapPayments()
    {
        app.MapPost("/api/v1/payments", PostPaymentAsync);
        app.MapGet("/api/v1/payments", GetPayments);
        app.MapGet("/api/v1/definitions", GetDefinitions);
    }

    private Task PostPaymentAsync(HttpContext context) => PostAsync(context, paymentWrites, CreatePayment);

    // Callers hold the gate.
    private (int Status, object Answer) CreatePayment(string body)
    {
        if (ReadForPatient(body, out var json, out var patient) is { } refused)
        {
            return refused;
        }
        if (Field(json, "PayAmt") is not { } amountText
            || !decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0)
        {
            return (400, "PayAmt is invalid.");
        }
        var payType = ApiPaymentType;
        if (Field(json, "PayType") is { } typeText
            && (!long.TryParse(typeText, CultureInfo.InvariantCulture, out payType)
                || !definitions.Any(d => d.DefNum == payType && d.Category == DoubleDefinition.PaymentTypes)))
        {
            return (400, "PayType is invalid.");
        }
        var today = DateOnly.FromDateTime(OfficeNow);
        var payDate = today;
        if (Field(json, "PayDate") is { } dateText
            && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out payDate))
        {
            return (400, "PayDate is invalid.");
        }
        var preferred = string.Equals(Field(json, "isPatientPreferred"), "true", StringComparison.OrdinalIgnoreCase);
        var payment = Commit(patient, amount, payType, payDate, Field(json, "PayNote") ?? "", preferred, today);
        return (201, payment.ToJson(TypeName(payment.PayType), ""));
    }

    // Callers hold the gate. The double has no charges to allocate to, so every payment is one
    // split to its patient (Open Dental puts money with nothing to pay as unearned on the patient).
    private DoublePayment Commit(DoublePatient patient, decimal amount, long payType, DateOnly payDate, string note, bool patientPreferred, DateOnly dateEntry)
    {
        var payment = new DoublePayment(++nextPayNum, patient.PatNum, amount, payType, payDate, dateEntry, note, patient.ClinicNum, patientPreferred);
        payments.Add(payment);
        PaymentCommitted?.Invoke(payment);
        splits.Add(new DoublePaySplit(++nextSplitNum, payment.PayNum, patient.PatNum, amount, patient.PriProv, patient.ClinicNum, payDate));
        return payment;
    }

    private IResult GetPayments(HttpContext context) => Get(context, AnswerPayments);

    private (int Status, IResult Result) AnswerPayments(Dictionary<string, string> query)
    {
        if (PatientFilter(query, out var patNum) is { } refused)
        {
            return refused;
        }
        var found = payments.Where(p => patNum is null || p.PatNum == patNum);
        if (query.TryGetValue("DateEntry", out var entryText))
        {
            if (!DateOnly.TryParseExact(entryText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since))
            {
                return (400, Results.Text("DateEntry is not in a valid format.", statusCode: 400));
            }
            found = found.Where(p => p.DateEntry >= since);
        }
        if (query.TryGetValue("PayType", out var typeText) && long.TryParse(typeText, CultureInfo.InvariantCulture, out var payType))
        {
            found = found.Where(p => p.PayType == payType);
        }
        var serverDateTime = OfficeNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        var page = Page(found.OrderBy(p => p.PayNum), query).Select(p => p.ToJson(TypeName(p.PayType), serverDateTime)).ToList();
        return (200, Results.Json(page, options: null, contentType: null, statusCode: 200));
    }

    private IResult GetDefinitions(HttpContext context)
    {
        var query = QueryOf(context);
        lock (gate)
        {
            var (status, result) = AnswerDefinitions(context, query);
            Record(context, query, status);
            return result;
        }
    }

    private (int Status, IResult Result) AnswerDefinitions(HttpContext context, Dictionary<string, string> query)
    {
        lastAnswerWasInjectedFailure = false;
        if (!Authorized(context))
        {
            return (401, Results.Text("Invalid authorization.", statusCode: 401));
        }
        if (InjectedFailure(context) is { } failure)
        {
            return failure;
        }
        IEnumerable<DoubleDefinition> found = definitions;
        if (query.TryGetValue("Category", out var categoryText))
        {
            if (!int.TryParse(categoryText, CultureInfo.InvariantCulture, out var category))
            {
                return (400, Results.Text("Category is invalid.", statusCode: 400));
            }
            found = found.Where(d => d.Category == category);
        }
        if (!string.Equals(query.GetValueOrDefault("includeHidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            found = found.Where(d => !d.IsHidden);
        }
        var page = Page(found, query).Select(d => d.ToJson()).ToList();
        return (200, Results.Json(page, options: null, contentType: null, statusCode: 200));
    }

    private static IEnumerable<T> Page<T>(IEnumerable<T> items, Dictionary<string, string> query) =>
        items.Skip(Number(query, "Offset", 0)).Take(Math.Min(Number(query, "Limit", MaxLimit), MaxLimit));

    private string TypeName(long defNum) => definitions.FirstOrDefault(d => d.DefNum == defNum)?.ItemName ?? "";

    /// <summary>Open Dental's JSON is loose about types: numbers and booleans may come as strings.</summary>
    private static string? Field(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;
}
