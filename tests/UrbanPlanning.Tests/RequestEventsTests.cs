using CityEServices.Contracts.Events;
using CityEServices.Iran;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.UrbanPlanning.Domain.Requests;
using Microsoft.Extensions.Time.Testing;

namespace CityEServices.UrbanPlanning.Tests;

public class RequestEventsTests
{
    private static readonly UrbanPlanningFile File = UrbanPlanningFile.Open(
        new FileNumber(22, 1840320), "23456789ABCDE", RenovationCode.Parse("22-3-15-7-0-0-0"), 22, "OFC22", "0076229645", "user:op", "Operator", new DateTimeOffset(2026, 4, 20, 6, 0, 0, TimeSpan.Zero));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 6, 0, 0, TimeSpan.Zero));

    private ServiceRequest NewBuildingPermit(params string[] missing)
    {
        var rule = ServiceRuleBook.Default.InForce("BUILDING_PERMIT", _time.GetUtcNow())!;
        (var details, _) = rule.ValidateDetails(System.Text.Json.JsonDocument.Parse("""{"floors":3,"areaM2":180,"usage":"Mixed"}""").RootElement);
        Assert.NotNull(details);
        return ServiceRequest.Create(Guid.NewGuid(), File.FileNumber, rule, details, missing, "user:op", _time.GetUtcNow());
    }

    [Fact]
    public void Creation_in_submitted_announces_submission_with_its_due_date_and_no_status_change()
    {
        var request = NewBuildingPermit();

        var events = RequestEvents.For(request, File, request.Transitions[^1], "corr").ToList();

        var submitted = Assert.IsType<ServiceRequestSubmitted>(Assert.Single(events));
        Assert.Equal(WorkingDays.Add(_time.GetUtcNow(), 30), submitted.DueAt);
        Assert.Equal("OFC22", submitted.OfficeCode);
        Assert.Equal("corr", submitted.CorrelationId);
    }

    [Fact]
    public void Creation_awaiting_documents_announces_nothing_until_the_set_completes()
    {
        var request = NewBuildingPermit("STRUCTURAL_PLAN");
        Assert.Empty(RequestEvents.For(request, File, request.Transitions[^1], null));

        _time.Advance(TimeSpan.FromDays(2));
        var moved = request.DocumentArrived("STRUCTURAL_PLAN", "system:urbanplanning", _time.GetUtcNow())!;
        var events = RequestEvents.For(request, File, moved, null).ToList();

        var changed = Assert.IsType<ServiceRequestStatusChanged>(events[0]);
        Assert.Equal(("AwaitingDocuments", "Submitted"), (changed.FromStatus, changed.ToStatus));
        Assert.Equal(WorkingDays.Add(_time.GetUtcNow(), 30), changed.DueAt);
        Assert.IsType<ServiceRequestSubmitted>(events[1]);
    }

    [Fact]
    public void Moves_after_the_fee_is_assessed_carry_it_so_open_data_can_count_what_was_paid()
    {
        var request = NewBuildingPermit();
        var review = request.MoveTo(RequestStatus.UnderReview, "user:rev", _time.GetUtcNow(), null, null);
        var reviewed = Assert.IsType<ServiceRequestStatusChanged>(Assert.Single(RequestEvents.For(request, File, review, null)));
        request.AssessFee(7_800_000m);
        var assessed = request.MoveTo(RequestStatus.FeeAssessed, "user:rev", _time.GetUtcNow(), null, null);
        var paid = request.MoveTo(RequestStatus.Paid, "bank", _time.GetUtcNow(), null, null);

        Assert.Null(reviewed.FeeRial);
        Assert.Equal(7_800_000m, Assert.IsType<ServiceRequestStatusChanged>(Assert.Single(RequestEvents.For(request, File, assessed, null))).FeeRial);
        var paidEvent = Assert.IsType<ServiceRequestStatusChanged>(Assert.Single(RequestEvents.For(request, File, paid, null)));
        Assert.Equal(("FeeAssessed", "Paid", 7_800_000m), (paidEvent.FromStatus, paidEvent.ToStatus, paidEvent.FeeRial));
    }

    [Fact]
    public void A_return_carries_its_reason_code_and_a_resubmission_is_not_a_new_submission()
    {
        var request = NewBuildingPermit();
        request.MoveTo(RequestStatus.UnderReview, "user:rev", _time.GetUtcNow(), null, null);
        var returned = request.MoveTo(RequestStatus.Returned, "user:rev", _time.GetUtcNow(), "Deed unreadable", ReturnReasons.MissingDocuments);
        var changed = Assert.IsType<ServiceRequestStatusChanged>(Assert.Single(RequestEvents.For(request, File, returned, null)));
        Assert.Equal(ReturnReasons.MissingDocuments, changed.ReasonCode);
        Assert.Equal("Deed unreadable", changed.Reason);
        Assert.Equal("user:rev", changed.Actor);

        _time.Advance(TimeSpan.FromDays(1));
        var resubmitted = request.MoveTo(RequestStatus.Submitted, "user:op", _time.GetUtcNow(), null, null);
        Assert.IsType<ServiceRequestStatusChanged>(Assert.Single(RequestEvents.For(request, File, resubmitted, null)));
    }

    [Fact]
    public void An_issued_building_permit_announces_its_number_and_details()
    {
        var request = NewBuildingPermit();
        request.RecordIssued("BP-22001840320-01");

        var issued = Assert.IsType<BuildingPermitIssued>(RequestEvents.Issued(request, File, null, _time.GetUtcNow(), null));

        Assert.Equal(("BP-22001840320-01", 3, 180m, "Mixed"), (issued.PermitNumber, issued.Floors, issued.BuildingAreaM2, issued.Usage));
        Assert.Equal("22-3-15-7-0-0-0", issued.RenovationCode);
    }
}
