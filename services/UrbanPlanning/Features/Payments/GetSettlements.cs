namespace CityEServices.UrbanPlanning.Features.Payments;

/// <summary>
/// A day's bank confirmations, for the city to reconcile with the banks: per bank, how many and how
/// much, and the confirmations page by page. The day is a Tehran calendar day, and a confirmation
/// belongs to the day this service recorded it (its own clock: a bank cannot move it into a day
/// already settled). An admin sees every bank; a bank (a client granted <c>payments</c>) only its own.
/// </summary>
public sealed class GetSettlements(UrbanPlanningDbContext db)
{
    public async Task<Outcome<SettlementResponse>> HandleAsync(string? date, string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        var bankOnly = caller.IsClient;
        if (bankOnly && !caller.HasScope(Scopes.Payments))
        {
            return Problem.Forbidden(ScopeExtensions.InsufficientScope, "Settlements need the scope payments.");
        }

        if (!bankOnly && !caller.IsIn(Roles.Admin))
        {
            return Problem.Forbidden(DenialReasons.RoleNotAllowed, "Only admins and banks (clients granted payments) read settlements.");
        }

        var errors = new ValidationErrors();
        PaymentRules.TryReadDay(date, out var day, out var dateError);
        errors.AddIf("date", dateError);
        var paging = PageRequest.Read(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        var (from, to) = PaymentRules.TehranDay(day);
        var confirmations = db.Payments.AsNoTracking()
            .Where(p => p.Channel == PaymentChannel.Bank && p.RecordedAt >= from && p.RecordedAt < to);
        if (bankOnly)
        {
            confirmations = confirmations.Where(p => p.Payer == caller.Id);
        }

        var banks = await confirmations
            .GroupBy(p => p.Payer)
            .OrderBy(g => g.Key)
            .Select(g => new BankSettlement(g.Key, g.Count(), g.Sum(p => p.AmountRial)))
            .ToListAsync(cancellationToken);
        var items = await confirmations
            .OrderBy(p => p.Payer).ThenBy(p => p.RecordedAt).ThenBy(p => p.Id)
            .ToPageAsync(paging, PaymentResponse.From, cancellationToken);
        return new SettlementResponse(
            day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            SolarHijri.FormatDate(day),
            DualTime.From(from),
            DualTime.From(to),
            banks,
            banks.Sum(b => b.Count),
            banks.Sum(b => b.TotalRial),
            items.Items,
            items.PageNumber,
            items.PageSize,
            items.Total);
    }
}
