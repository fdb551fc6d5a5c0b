using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Notifications.Features.Sms;

/// <summary>The citizen wants messages again (an admin records it); messages from now on are sent.</summary>
public sealed class CancelOptOut(NotificationsDbContext db)
{
    public async Task<Outcome<Done>> HandleAsync(string mobile, Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsIn(Roles.Admin))
        {
            return Problem.Forbidden("RoleNotAllowed", "Only an admin cancels an opt-out for a citizen.");
        }

        if (!MobileNumber.TryParse(mobile, out var number, out var error))
        {
            return Problem.Invalid("mobile", error);
        }

        var removed = await db.SmsOptOuts.Where(o => o.Mobile == number.Value).ExecuteDeleteAsync(cancellationToken);
        return removed == 0
            ? Problem.NotFound("No opt-out.", $"{number.Value} has not opted out.")
            : Done.Value;
    }
}
