using DentalHub.Connectors.OpenDental.Api;

namespace DentalHub.Connectors.OpenDental.Writes;

/// <summary>
/// What staff read about one kind of write (a payment, a communication log) when it fails. Never includes
/// the keys; Open Dental's own explanation is quoted.
/// </summary>
/// <param name="Noun">What is written, as staff call it ("payment").</param>
/// <param name="IdField">The field of Open Dental's answer that holds the new record's id ("PayNum").</param>
/// <param name="Permission">The API permission the office needs beyond the usual ones (apipermissions.html: "Comm"), if any.</param>
internal sealed record WriteMessages(string Noun, string IdField, string? Permission = null)
{
    public string KeysRefused => Permission is null
        ? ApiMessages.KeysRefused
        : $"{ApiMessages.KeysRefused} Writing a {Noun} also needs the office's \"{Permission}\" API permission.";

    public string Refused(int status, string explanation) =>
        explanation.Length == 0
            ? $"Open Dental refused the {Noun} (HTTP {status})."
            : $"Open Dental refused the {Noun}: {explanation}";

    public string Throttled =>
        $"Open Dental asked DentalHub to wait before sending more; the {Noun} was not recorded and will be sent again.";

    public string Unreachable(ApiSettings settings) =>
        $"DentalHub could not connect to Open Dental's API at {settings.Address}; the {Noun} was not sent and will be sent again.";

    public string ServerError(int status) =>
        $"Open Dental's API answered with an error (HTTP {status}), which does not tell whether the {Noun} was recorded. {LookBeforeResending}";

    public string NoAnswer(ApiSettings settings) =>
        $"Open Dental's API at {settings.Address} did not answer within {settings.RequestTimeout.TotalSeconds:0.#} seconds, so the {Noun} may or may not have been recorded. {LookBeforeResending}";

    public string Dropped =>
        $"The connection to Open Dental's API was lost after the {Noun} was sent, so it may or may not have been recorded. {LookBeforeResending}";

    public string Unexpected(int status) =>
        $"Open Dental's API gave an unexpected answer (HTTP {status}), which does not tell whether the {Noun} was recorded. {LookBeforeResending}";

    public string NoId =>
        $"Open Dental accepted the {Noun} but its answer did not say which {Noun} it created. DentalHub will look for it in Open Dental.";

    private const string LookBeforeResending = "DentalHub will look for it in Open Dental before sending it again.";
}
