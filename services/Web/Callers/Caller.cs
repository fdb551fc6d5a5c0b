using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.Messaging;

namespace CityEServices.Web.Callers;

/// <summary>
/// Who is asking, read once from the validated access token: a user, a client or a citizen, with the
/// claims the services decide by (roles, scopes, national ID, office, district), and the request's
/// correlation id that the events it causes carry. Endpoints take it as a parameter.
/// </summary>
public sealed record Caller(
    CallerKind Kind,
    string Id,
    string? Name,
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Scopes,
    string? NationalId,
    string? OfficeCode,
    int? District,
    string? CorrelationId = null)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// How history and audit name who did it: <c>user:&lt;id&gt;</c>, <c>client:&lt;client id&gt;</c>,
    /// <c>citizen:&lt;id&gt;</c> or <c>system:&lt;service&gt;</c>. Ids, never display names: a name can be
    /// changed or shared, an id cannot.
    /// </summary>
    public string Actor => Kind switch
    {
        CallerKind.User => $"user:{Id}",
        CallerKind.Client => $"client:{Id}",
        CallerKind.Citizen => $"citizen:{Id}",
        CallerKind.System => $"system:{Id}",
        _ => "anonymous",
    };

    public bool IsClient => Kind == CallerKind.Client;

    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>Whether a client was granted <paramref name="scope"/>. People are authorised by roles, so this is false for them.</summary>
    public bool HasScope(string scope) => Scopes.Contains(scope);

    /// <summary>Whether personal data (national IDs, mobile numbers) may be shown unmasked: to staff and citizens, and to clients holding <c>pii.read</c>.</summary>
    public bool MaySeePersonalData => Kind != CallerKind.Client || HasScope(Contracts.Security.Scopes.PiiRead);

    /// <summary>A national ID as this caller may read it: in full, or masked (<c>00******45</c>) for a client without <c>pii.read</c>.</summary>
    public string? Shown(string? nationalId) => MaySeePersonalData ? nationalId : PersonalData.MaskNationalId(nationalId);

    /// <summary>A mobile number as this caller may read it: in full, or masked (<c>+98912*****67</c>).</summary>
    public string? ShownMobile(string? mobile) => MaySeePersonalData ? mobile : PersonalData.MaskMobile(mobile);

    public static Caller Anonymous { get; } = new(CallerKind.Anonymous, "anonymous", null, None, None, null, null, null);

    /// <summary>The service itself, for work done on an event or a schedule.</summary>
    public static Caller System(string service, string? correlationId = null) =>
        new(CallerKind.System, service, service, None, None, null, null, null, correlationId);

    public static Caller From(ClaimsPrincipal user, string? correlationId = null)
    {
        var subject = Text(user.FindFirstValue(CityClaims.Subject));
        if (subject is null || user.Identity?.IsAuthenticated != true)
        {
            return Anonymous with { CorrelationId = correlationId };
        }

        var roles = user.FindAll(CityClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var clientId = Text(user.FindFirstValue(CityClaims.ClientId));
        // Client-credentials tokens are issued with the client as their subject; a user's token may
        // also name the application it was issued to, which does not make the user a client.
        var kind = clientId is not null && clientId == subject ? CallerKind.Client
            : roles.Contains(Contracts.Security.Roles.Citizen) ? CallerKind.Citizen
            : CallerKind.User;
        var scopes = user.FindAll(CityClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        var office = Iran.OfficeCode.TryParse(user.FindFirstValue(CityClaims.OfficeCode), out var code) ? code.Value : null;
        var district = int.TryParse(user.FindFirstValue(CityClaims.District), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : (int?)null;
        return new Caller(
            kind,
            subject,
            Text(user.FindFirstValue(CityClaims.Name)),
            roles,
            kind == CallerKind.Client ? scopes : None,
            Text(user.FindFirstValue(CityClaims.NationalId)),
            office,
            district,
            correlationId);
    }

    /// <summary>Minimal APIs bind a <see cref="Caller"/> parameter from the request's user and correlation id.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        ValueTask.FromResult<Caller?>(From(http.User, http.CorrelationId()));

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
