using System.Security.Claims;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.OfficeManagement.Data;
using CityEServices.OfficeManagement.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.OfficeManagement.Api;

/// <summary>Who may read one office (its record and its scorecard): an admin, or that office's own active Manager.</summary>
internal static class OfficeAccess
{
    /// <summary>Null when <paramref name="user"/> may read <paramref name="office"/>; else the 403 to answer.</summary>
    public static async Task<ProblemHttpResult?> RefuseReadingAsync(ClaimsPrincipal user, OfficeCode office, OfficeManagementDbContext db, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return null;
        }

        // Checked before any lookup of the office itself, so an operator cannot probe which other offices exist.
        if (!(OfficeCode.TryParse(user.FindFirstValue(CityClaims.OfficeCode), out var own) && own == office))
        {
            return Problems.Forbidden("NotYourOffice", $"An office operator may read only their own office, not {office}.");
        }

        var isManager = NationalId.TryParse(user.FindFirstValue(CityClaims.NationalId), out var person)
            && await db.Staff.AnyAsync(s => s.NationalId == person && s.OfficeCode == office && s.Active && s.Role == StaffRole.Manager, cancellationToken);
        return isManager
            ? null
            : Problems.Forbidden("NotOfficeManager", $"Only the Manager of office {office} (or an admin) may read it.");
    }
}
