namespace CityEServices.Web.Callers;

public enum CallerKind
{
    /// <summary>No token (only the routes the design names anonymous).</summary>
    Anonymous,

    /// <summary>A member of staff, signed in with a password or code + PKCE; <see cref="Caller.Id"/> is their user id.</summary>
    User,

    /// <summary>An integrator application (client credentials); <see cref="Caller.Id"/> is its client id.</summary>
    Client,

    /// <summary>A citizen signed in with a one-time code; <see cref="Caller.Id"/> is their subject, <see cref="Caller.NationalId"/> theirs.</summary>
    Citizen,

    /// <summary>The service itself, acting on an event or a schedule.</summary>
    System,
}
