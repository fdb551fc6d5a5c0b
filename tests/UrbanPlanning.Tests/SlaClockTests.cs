using CityEServices.Iran;
using CityEServices.UrbanPlanning.Domain.Requests;
using Microsoft.Extensions.Time.Testing;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>
/// The SLA clock in Iranian working days (the official calendar; Ordibehesht 1405 has no holidays, its
/// Fridays are 02/04, 02/11, 02/18, 02/25). Changed on purpose from calendar days: every expected date
/// here is a Tehran wall-clock time on a fixed day.
/// </summary>
public class SlaClockTests
{
    /// <summary>Saturday 1405/02/05 10:00 Tehran.</summary>
    private static readonly DateTimeOffset Start = T("1405/02/05");

    private readonly FakeTimeProvider _time = new(Start);

    private static DateTimeOffset T(string solarDate, int hour = 10, int minute = 0) =>
        new(SolarHijri.ParseDate(solarDate).ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(3.5));

    private DateTimeOffset Now => _time.GetUtcNow();

    private void MoveTo(DateTimeOffset at) => _time.SetUtcNow(at);

    [Fact]
    public void The_clock_starts_at_submission_and_counts_working_days_not_fridays()
    {
        var clock = SlaClock.New(6);
        Assert.Null(clock.DueAt(Now));
        Assert.False(clock.IsBreached(Now));

        clock = clock.Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, Now);

        // Sun, Mon, Tue, Wed, Thu, (Friday off) Sat: calendar days would have said Friday 02/11.
        Assert.Equal(T("1405/02/12"), clock.DueAt(Now));
        Assert.Equal(6, clock.WorkingDaysLeft(Now));
    }

    [Fact]
    public void Working_days_returned_to_the_citizen_extend_the_due_date()
    {
        var clock = SlaClock.New(10).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, Now);
        Assert.Equal(T("1405/02/16"), clock.DueAt(Now));

        MoveTo(T("1405/02/07"));
        clock = clock.Moved(RequestStatus.Submitted, RequestStatus.UnderReview, Now);
        clock = clock.Moved(RequestStatus.UnderReview, RequestStatus.Returned, Now);

        // A week with the citizen (6 working days: Friday 02/11 does not count) moves the due date by 6.
        MoveTo(T("1405/02/14"));
        Assert.Equal(T("1405/02/23"), clock.DueAt(Now));
        Assert.False(clock.IsBreached(Now));

        clock = clock.Moved(RequestStatus.Returned, RequestStatus.Submitted, Now);
        Assert.Equal(TimeSpan.FromDays(6), clock.Paused);
        Assert.Equal(T("1405/02/23"), clock.DueAt(Now));

        // Resubmission does not restart the clock: 8 working days remain, not 10.
        Assert.Equal(8, clock.WorkingDaysLeft(Now));
        MoveTo(T("1405/02/23"));
        Assert.False(clock.IsBreached(Now));
        MoveTo(T("1405/02/23", 10, 1));
        Assert.True(clock.IsBreached(Now));
        Assert.Equal(-1, clock.WorkingDaysLeft(T("1405/02/24", 10, 1)));
    }

    [Fact]
    public void Waiting_for_documents_after_submission_pauses_the_clock_too()
    {
        var clock = SlaClock.New(2).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, Now);
        clock = clock.Moved(RequestStatus.Submitted, RequestStatus.AwaitingDocuments, Now);
        Assert.True(clock.IsPaused);

        MoveTo(T("1405/02/06"));
        clock = clock.Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, Now);

        Assert.Equal(T("1405/02/08"), clock.DueAt(Now));
    }

    [Fact]
    public void A_return_over_nowruz_pauses_only_the_working_days()
    {
        // Returned Wednesday 1404/12/27 10:00 with a day left, resubmitted Wednesday 1405/01/05 10:00: 14 h of
        // that Wednesday, Thursday, 10 h of the next Wednesday, two working days, however long the holidays.
        var clock = SlaClock.New(5).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, T("1404/12/23"));
        Assert.Equal(T("1404/12/28"), clock.DueAt(T("1404/12/23")));

        clock = clock.Moved(RequestStatus.UnderReview, RequestStatus.Returned, T("1404/12/27"));
        clock = clock.Moved(RequestStatus.Returned, RequestStatus.Submitted, T("1405/01/05"));

        Assert.Equal(TimeSpan.FromDays(2), clock.Paused);
        Assert.Equal(T("1405/01/06"), clock.DueAt(T("1405/01/05")));
        Assert.Equal(1, clock.WorkingDaysLeft(T("1405/01/05")));
    }

    [Fact]
    public void Two_returns_both_pause()
    {
        var clock = SlaClock.New(5).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, Now);
        for (var i = 0; i < 2; i++)
        {
            clock = clock.Moved(RequestStatus.UnderReview, RequestStatus.Returned, Now);
            _time.Advance(TimeSpan.FromDays(1));
            clock = clock.Moved(RequestStatus.Returned, RequestStatus.Submitted, Now);
        }

        // Two working days paused (Sat→Sun, Sun→Mon): 5 + 2 from Saturday 02/05 is Sunday 02/13.
        Assert.Equal(T("1405/02/13"), clock.DueAt(Now));
    }

    [Fact]
    public void Closing_stops_the_clock_and_fixes_whether_it_was_breached()
    {
        var onTime = SlaClock.New(7).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, Now);
        var late = onTime;
        MoveTo(T("1405/02/12"));
        onTime = onTime.Moved(RequestStatus.Paid, RequestStatus.Issued, Now);
        MoveTo(T("1405/02/14"));
        late = late.Moved(RequestStatus.UnderReview, RequestStatus.Rejected, Now);

        _time.Advance(TimeSpan.FromDays(100));
        Assert.False(onTime.IsBreached(Now));
        Assert.True(late.IsBreached(Now));
        Assert.Equal(T("1405/02/13"), late.DueAt(Now));
    }

    [Fact]
    public void A_request_due_on_thursday_is_breached_after_thursday_and_one_due_a_day_later_not_before_saturday()
    {
        MoveTo(T("1405/02/09"));
        var dueThursday = SlaClock.New(1).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, Now);
        MoveTo(T("1405/02/10"));
        var dueSaturday = SlaClock.New(1).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, Now);

        Assert.Equal(T("1405/02/10"), dueThursday.DueAt(Now));
        Assert.False(dueThursday.IsBreached(Now));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(dueThursday.IsBreached(Now));

        Assert.Equal(T("1405/02/12"), dueSaturday.DueAt(Now));
        MoveTo(T("1405/02/11", 23, 59));
        Assert.False(dueSaturday.IsBreached(Now));
    }

    [Fact]
    public void A_configured_calendar_moves_the_due_date()
    {
        var clock = SlaClock.New(6).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, Now) with
        {
            Calendar = WorkingCalendar.Official.With([SolarHijri.ParseDate("1405/02/09")], []),
        };

        Assert.Equal(T("1405/02/13"), clock.DueAt(Now));
    }

    [Fact]
    public void A_request_carries_its_clock_and_its_due_date_through_its_moves()
    {
        var rule = ServiceRuleBook.Default.InForce("NO_VIOLATION_CERTIFICATE", Start)!;
        var request = ServiceRequest.Create(Guid.NewGuid(), "22000000001", rule, new RequestDetails([]), ["IDENTITY_DOCUMENT"], "op", Now);
        Assert.Equal(RequestStatus.AwaitingDocuments, request.Status);
        Assert.Null(request.SubmittedAt);
        Assert.Null(request.DueAt);

        _time.Advance(TimeSpan.FromDays(3));
        Assert.Null(request.DocumentArrived("SITE_PLAN", "system:urbanplanning", Now));
        var moved = request.DocumentArrived("IDENTITY_DOCUMENT", "system:urbanplanning", Now);

        Assert.NotNull(moved);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal("system:urbanplanning", moved.Actor);
        Assert.Equal(WorkingCalendar.Official.Add(Now, rule.SlaDays), request.Clock.DueAt(Now));
        Assert.Equal(request.Clock.DueAt(Now), request.DueAt);
        Assert.Empty(request.MissingDocumentCategories);
        Assert.Equal([null, RequestStatus.AwaitingDocuments], request.Transitions.Select(t => t.FromStatus));
    }
}
