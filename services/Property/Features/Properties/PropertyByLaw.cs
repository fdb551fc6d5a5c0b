using System.Globalization;

namespace CityEServices.Property.Features.Properties;

/// <summary>
/// Who may read citizens' data in the registry now, asked the same way by every read: an office operator
/// answers to office management's by-law (office active and licensed, operator active there and certified,
/// through <see cref="OfficeAuthorizations.CheckOperatorAsync"/>), a district reviewer to their district.
/// Registry staff (admins, registrars, archivists) and clients were decided by role and scope before.
/// </summary>
/// <remarks>
/// An operator reads a property to serve a citizen's urban-planning file (the owners, before opening one),
/// so the check asks for <see cref="ServiceTypes.UrbanFile"/>, as the archive's reads do: an office that
/// may not open files reads no owners.
/// </remarks>
public sealed class PropertyByLaw(OfficeAuthorizations offices)
{
    /// <summary>The service type an operator's property reads are authorised for.</summary>
    public const string ServiceType = ServiceTypes.UrbanFile;

    /// <summary>403 reason: integrator clients ask about one property or one owner, never for a listing.</summary>
    public const string ListingNotForClients = "ListingNotForClients";

    /// <summary>Null when <paramref name="caller"/> may read citizens' data of <paramref name="district"/> now; else the 403 (or 503).</summary>
    /// <param name="district">The district read, or null for a search over every district (refused to a reviewer).</param>
    public Task<Problem?> RefuseAsync(Caller caller, int? district, CancellationToken cancellationToken)
    {
        if (caller.IsClient || IsRegistryStaff(caller))
        {
            return Task.FromResult<Problem?>(null);
        }

        if (caller.IsIn(Roles.OfficeOperator))
        {
            return offices.CheckOperatorAsync(caller, ServiceType, cancellationToken);
        }

        if (caller.IsIn(Roles.DistrictReviewer))
        {
            return Task.FromResult(district is { } d
                ? OfficeAuthorizations.CheckReviewer(caller, d)
                : Problem.Forbidden(OfficeAuthorizations.WrongDistrict,
                    $"A district reviewer searches only their own district ({caller.District?.ToString(CultureInfo.InvariantCulture) ?? "not set"}); give district=."));
        }

        return Task.FromResult<Problem?>(null);
    }

    /// <summary>The district a search by <paramref name="caller"/> is confined to when they name none: a reviewer's own.</summary>
    public static int? DefaultDistrict(Caller caller) =>
        !caller.IsClient && !IsRegistryStaff(caller) && !caller.IsIn(Roles.OfficeOperator) && caller.IsIn(Roles.DistrictReviewer) ? caller.District : null;

    /// <summary>The 403 a client gets for a city-wide listing or search.</summary>
    public static Problem ListingRefused() => Problem.Forbidden(ListingNotForClients,
        "Integrator clients ask about one property (GET /api/properties/{renovationCode}) or one owner (GET /api/properties/{renovationCode}/owners/{nationalId}), never for a listing of the registry.");

    private static bool IsRegistryStaff(Caller caller) =>
        caller.IsIn(Roles.Admin) || caller.IsIn(Roles.Registrar) || caller.IsIn(Roles.Archivist);
}
