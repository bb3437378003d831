namespace DentalHub.Schedule.Bookings;

/// <summary>Why a booking or move cannot go ahead, naming the field a person (or an API caller) should change.</summary>
/// <param name="Field">The request's field at fault: "start", "providerId", "operatoryId", "lengthMinutes", ... (camelCase, as the API names it).</param>
public sealed record SlotRefusal(string Field, string Message);
