using CityEServices.UrbanPlanning.Domain.Requests;
using Microsoft.Extensions.Time.Testing;

namespace CityEServices.UrbanPlanning.Tests;

public class SlaClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void The_clock_starts_at_submission_not_while_documents_are_awaited()
    {
        var clock = SlaClock.New(30);
        Assert.Null(clock.DueAt(_time.GetUtcNow()));
        Assert.False(clock.IsBreached(_time.GetUtcNow()));

        _time.Advance(TimeSpan.FromDays(10));
        clock = clock.Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, _time.GetUtcNow());

        Assert.Equal(Start.AddDays(40), clock.DueAt(_time.GetUtcNow()));
    }

    [Fact]
    public void Time_returned_to_the_citizen_does_not_count()
    {
        var clock = SlaClock.New(10).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromDays(2));
        clock = clock.Moved(RequestStatus.Submitted, RequestStatus.UnderReview, _time.GetUtcNow());
        clock = clock.Moved(RequestStatus.UnderReview, RequestStatus.Returned, _time.GetUtcNow());

        // While Returned the due date moves on with the clock: 20 days away is not a breach.
        _time.Advance(TimeSpan.FromDays(20));
        Assert.Equal(Start.AddDays(30), clock.DueAt(_time.GetUtcNow()));
        Assert.False(clock.IsBreached(_time.GetUtcNow()));

        clock = clock.Moved(RequestStatus.Returned, RequestStatus.Submitted, _time.GetUtcNow());
        Assert.Equal(TimeSpan.FromDays(20), clock.Paused);
        Assert.Equal(Start.AddDays(30), clock.DueAt(_time.GetUtcNow()));

        // Resubmission does not restart the clock: 8 days remain, not 10.
        _time.Advance(TimeSpan.FromDays(8));
        Assert.False(clock.IsBreached(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(clock.IsBreached(_time.GetUtcNow()));
    }

    [Fact]
    public void Two_returns_both_pause()
    {
        var clock = SlaClock.New(5).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, _time.GetUtcNow());
        for (var i = 0; i < 2; i++)
        {
            clock = clock.Moved(RequestStatus.UnderReview, RequestStatus.Returned, _time.GetUtcNow());
            _time.Advance(TimeSpan.FromDays(3));
            clock = clock.Moved(RequestStatus.Returned, RequestStatus.Submitted, _time.GetUtcNow());
        }

        Assert.Equal(Start.AddDays(11), clock.DueAt(_time.GetUtcNow()));
    }

    [Fact]
    public void Closing_stops_the_clock_and_fixes_whether_it_was_breached()
    {
        var onTime = SlaClock.New(7).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, _time.GetUtcNow());
        var late = onTime;
        _time.Advance(TimeSpan.FromDays(6));
        onTime = onTime.Moved(RequestStatus.Paid, RequestStatus.Issued, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromDays(2));
        late = late.Moved(RequestStatus.UnderReview, RequestStatus.Rejected, _time.GetUtcNow());

        _time.Advance(TimeSpan.FromDays(100));
        Assert.False(onTime.IsBreached(_time.GetUtcNow()));
        Assert.True(late.IsBreached(_time.GetUtcNow()));
        Assert.Equal(Start.AddDays(7), late.DueAt(_time.GetUtcNow()));
    }

    [Fact]
    public void An_open_request_past_its_due_date_is_breached()
    {
        var clock = SlaClock.New(1).Moved(RequestStatus.AwaitingDocuments, RequestStatus.Submitted, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromDays(1));
        Assert.False(clock.IsBreached(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(clock.IsBreached(_time.GetUtcNow()));
    }

    [Fact]
    public void A_request_carries_its_clock_through_its_moves()
    {
        var rule = ServiceRuleBook.Default.InForce("NO_VIOLATION_CERTIFICATE", Start)!;
        var request = ServiceRequest.Create(Guid.NewGuid(), "22000000001", rule, new RequestDetails([]), ["IDENTITY_DOCUMENT"], "op", _time.GetUtcNow());
        Assert.Equal(RequestStatus.AwaitingDocuments, request.Status);
        Assert.Null(request.SubmittedAt);

        _time.Advance(TimeSpan.FromDays(3));
        Assert.Null(request.DocumentArrived("SITE_PLAN", "system:urbanplanning", _time.GetUtcNow()));
        var moved = request.DocumentArrived("IDENTITY_DOCUMENT", "system:urbanplanning", _time.GetUtcNow());

        Assert.NotNull(moved);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal("system:urbanplanning", moved.Actor);
        Assert.Equal(_time.GetUtcNow().AddDays(rule.SlaDays), request.Clock.DueAt(_time.GetUtcNow()));
        Assert.Empty(request.MissingDocumentCategories);
        Assert.Equal([null, RequestStatus.AwaitingDocuments], request.Transitions.Select(t => t.FromStatus));
    }
}
