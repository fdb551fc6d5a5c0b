namespace CityEServices.OfficeManagement.Domain;

public enum OfficeStatus
{
    /// <summary>Serving under the pilot programme; may serve like an active office.</summary>
    Pilot,
    Active,

    /// <summary>Temporarily barred from serving (for example after an inspection).</summary>
    Suspended,

    /// <summary>Permanently closed; takes no new licences or staff.</summary>
    Closed,
}
