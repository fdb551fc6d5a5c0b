using CityEServices.Iran;
using CityEServices.Notifications.Data;
using CityEServices.Web.Paging;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Notifications.Features.Sms;

/// <summary>What the Development sink received, newest first; <c>?mobile=</c> narrows it to one phone.</summary>
public sealed class ListSinkMessages(NotificationsDbContext db)
{
    public async Task<Outcome<Page<SinkMessageResponse>>> HandleAsync(string? mobile, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = PageRequest.Read(page, pageSize, errors);
        var query = db.SinkMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(mobile))
        {
            if (MobileNumber.TryParse(mobile, out var number, out var error))
            {
                query = query.Where(m => m.Receptor == number.Local);
            }
            else
            {
                errors.Add("mobile", error);
            }
        }

        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        return await query.OrderByDescending(m => m.Id)
            .ToPageAsync(request, m => new SinkMessageResponse(m.Id, m.Receptor, m.Message, m.LocalId, m.Sender, DualTime.From(m.ReceivedAt)), cancellationToken);
    }
}
