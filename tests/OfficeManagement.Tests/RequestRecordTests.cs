using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Events;
using CityEServices.OfficeManagement.Domain;

namespace CityEServices.OfficeManagement.Tests;

public class RequestRecordTests
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly Guid Request = Guid.NewGuid();

    [Fact]
    public void The_clock_starts_at_submission_and_a_resubmission_after_a_return_does_not_restart_it()
    {
        var record = Fold(
            Submitted(T0),
            Changed("UnderReview", "Returned", T0.AddHours(2), ReturnReasons.IncorrectDetails),
            Changed("Returned", "Submitted", T0.AddHours(3)),
            Changed("Paid", "Issued", T0.AddHours(9)));

        Assert.Equal(T0, record.SubmittedAt);
        Assert.Equal(T0.AddHours(9), record.IssuedAt);
        Assert.Equal(1, record.ReturnCount);
        Assert.False(record.ReturnedForMissingDocuments);
        Assert.Equal("Issued", record.Status);
    }

    [Fact]
    public void A_request_that_waited_for_documents_starts_its_clock_when_they_are_complete_in_either_order()
    {
        var inOrder = Fold(Submitted(T0), Changed("AwaitingDocuments", "Submitted", T0.AddDays(2)));
        var reversed = Fold(Changed("AwaitingDocuments", "Submitted", T0.AddDays(2)), Submitted(T0));

        Assert.Equal(T0.AddDays(2), inOrder.SubmittedAt);
        Assert.Equal(T0.AddDays(2), reversed.SubmittedAt);
    }

    [Fact]
    public void Only_a_return_for_missing_documents_spoils_first_time_right_and_SLA_breach_sticks()
    {
        var record = Fold(
            Submitted(T0),
            Changed("UnderReview", "Returned", T0.AddHours(1), ReturnReasons.MissingDocuments, slaBreached: true),
            Changed("Returned", "Submitted", T0.AddHours(2)),
            Changed("UnderReview", "Rejected", T0.AddHours(3)));

        Assert.True(record.ReturnedForMissingDocuments);
        Assert.True(record.SlaBreached);
        Assert.True(record.Rejected);
    }

    [Fact]
    public void The_latest_event_sets_the_status_whatever_order_they_arrive_in()
    {
        var record = Fold(Changed("Paid", "Issued", T0.AddHours(5)), Changed("Submitted", "UnderReview", T0.AddHours(1)), Submitted(T0));

        Assert.Equal("Issued", record.Status);
        Assert.Equal(T0.AddHours(5), record.StatusAt);
    }

    [Fact]
    public void The_fee_counts_as_collected_when_the_request_is_paid_and_only_then()
    {
        var assessed = Fold(Submitted(T0), Changed("UnderReview", "FeeAssessed", T0.AddHours(2)) with { FeeRial = 12_500_000m });
        var paid = Fold(
            Submitted(T0),
            Changed("UnderReview", "FeeAssessed", T0.AddHours(2)) with { FeeRial = 12_500_000m },
            Changed("FeeAssessed", "Paid", T0.AddHours(3)) with { FeeRial = 12_500_000m },
            Changed("Paid", "Issued", T0.AddHours(4)) with { FeeRial = 12_500_000m });

        Assert.Null(assessed.FeePaidRial);
        Assert.Equal(12_500_000m, paid.FeePaidRial);
    }

    private static RequestRecord Fold(params IntegrationEvent[] events)
    {
        var record = RequestRecord.Start(Request, "OFC1", ServiceTypes.BuildingPermit, "04000000001");
        foreach (var e in events)
        {
            switch (e)
            {
                case ServiceRequestSubmitted submitted:
                    record.Apply(submitted);
                    break;
                case ServiceRequestStatusChanged changed:
                    record.Apply(changed);
                    break;
            }
        }

        return record;
    }

    private static ServiceRequestSubmitted Submitted(DateTimeOffset at) =>
        new(Request, "04000000001", ServiceTypes.BuildingPermit, "OFC1", at.AddDays(14)) { OccurredAt = at };

    private static ServiceRequestStatusChanged Changed(string from, string to, DateTimeOffset at, string? reasonCode = null, bool slaBreached = false) =>
        new(Request, "04000000001", ServiceTypes.BuildingPermit, "OFC1", from, to, "reviewer", null, slaBreached) { OccurredAt = at, ReasonCode = reasonCode };
}
