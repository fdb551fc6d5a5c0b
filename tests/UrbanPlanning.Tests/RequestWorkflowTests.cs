using CityEServices.Contracts.Security;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.UrbanPlanning.Domain.Requests;
using CityEServices.Web.Callers;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>Every state × action × caller capacity against a table written out here, independently of the workflow's own.</summary>
public class RequestWorkflowTests
{
    // The expected machine, as DESIGN draws it.
    private static readonly Dictionary<RequestAction, (RequestStatus From, RequestStatus To)> Moves = new()
    {
        [RequestAction.Submit] = (RequestStatus.Returned, RequestStatus.Submitted),
        [RequestAction.Review] = (RequestStatus.Submitted, RequestStatus.UnderReview),
        [RequestAction.Return] = (RequestStatus.UnderReview, RequestStatus.Returned),
        [RequestAction.Reject] = (RequestStatus.UnderReview, RequestStatus.Rejected),
        [RequestAction.AssessFee] = (RequestStatus.UnderReview, RequestStatus.FeeAssessed),
        [RequestAction.Pay] = (RequestStatus.FeeAssessed, RequestStatus.Paid),
        [RequestAction.Issue] = (RequestStatus.Paid, RequestStatus.Issued),
    };

    private static readonly Capacity[] Capacities =
    [
        Capacity.None, Capacity.FileOperator, Capacity.ForeignOperator, Capacity.Reviewer,
        Capacity.ForeignOperator | Capacity.Reviewer, Capacity.FileOperator | Capacity.Reviewer,
    ];

    public static TheoryData<RequestStatus, RequestAction, Capacity> EveryCase()
    {
        var data = new TheoryData<RequestStatus, RequestAction, Capacity>();
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            foreach (var action in Enum.GetValues<RequestAction>())
            {
                foreach (var capacity in Capacities)
                {
                    data.Add(status, action, capacity);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCase))]
    public void Each_action_only_by_its_role_and_only_from_its_state(RequestStatus status, RequestAction action, Capacity capacity)
    {
        var decision = RequestWorkflow.Decide(status, action, capacity);

        var reviewerAction = action is RequestAction.Review or RequestAction.Return or RequestAction.Reject or RequestAction.AssessFee or RequestAction.Issue;
        // Submit and pay (the counter's POS payment) are the file office's operator's; nobody else pays.
        var mayAct = reviewerAction ? capacity.HasFlag(Capacity.Reviewer) : capacity.HasFlag(Capacity.FileOperator);
        Assert.Equal(reviewerAction, RequestWorkflow.IsReviewers(action));
        if (!mayAct)
        {
            Assert.False(decision.Allowed);
            Assert.Equal(403, decision.StatusCode);
            var expectedReason = !reviewerAction && capacity.HasFlag(Capacity.ForeignOperator) ? DenialReasons.NotFileOffice : DenialReasons.RoleNotAllowed;
            Assert.Equal(expectedReason, decision.Reason);
            return;
        }

        var (from, to) = Moves[action];
        if (status == from)
        {
            Assert.True(decision.Allowed);
            Assert.Equal(to, decision.To);
        }
        else
        {
            Assert.False(decision.Allowed);
            Assert.Equal(409, decision.StatusCode);
            Assert.Equal(WorkflowReasons.InvalidTransition, decision.Reason);
        }
    }

    [Fact]
    public void Final_states_allow_nothing()
    {
        foreach (var final in new[] { RequestStatus.Issued, RequestStatus.Rejected })
        {
            Assert.True(RequestWorkflow.IsFinal(final));
            Assert.All(Enum.GetValues<RequestAction>(), action =>
                Assert.False(RequestWorkflow.Decide(final, action, Capacity.FileOperator | Capacity.Reviewer).Allowed));
        }
    }

    [Fact]
    public void Awaiting_documents_is_left_only_by_the_archive_not_by_any_action()
    {
        Assert.All(Enum.GetValues<RequestAction>(), action =>
            Assert.False(RequestWorkflow.Decide(RequestStatus.AwaitingDocuments, action, Capacity.FileOperator | Capacity.Reviewer).Allowed));
    }

    [Theory]
    [InlineData(new[] { Roles.OfficeOperator }, "OFC1", null, Capacity.FileOperator)]
    [InlineData(new[] { Roles.OfficeOperator }, "ofc1", null, Capacity.FileOperator)]
    [InlineData(new[] { Roles.OfficeOperator }, "OFC2", null, Capacity.ForeignOperator)]
    [InlineData(new[] { Roles.OfficeOperator }, null, null, Capacity.ForeignOperator)]
    [InlineData(new[] { Roles.DistrictReviewer }, null, 22, Capacity.Reviewer)]
    // The district is the by-law's question (OfficeAuthorizations.CheckReviewer), asked next.
    [InlineData(new[] { Roles.DistrictReviewer }, null, 5, Capacity.Reviewer)]
    [InlineData(new[] { Roles.Integrator }, null, null, Capacity.None)]
    [InlineData(new[] { Roles.Admin }, "OFC1", 22, Capacity.None)]
    public void Capacity_comes_from_role_and_the_files_office(string[] roles, string? office, int? district, Capacity expected)
    {
        var caller = new Caller(CallerKind.User, "sub", "name", roles.ToHashSet(), new HashSet<string>(), "1583250689", office, district);

        Assert.Equal(expected, RequestWorkflow.CapacityOf(caller, "OFC1"));
    }

    [Fact]
    public void Nobody_but_the_files_operator_pays_not_even_an_integrator_client()
    {
        var bank = new Caller(CallerKind.Client, "bank-1", null, new HashSet<string> { Roles.Integrator }, new HashSet<string> { Scopes.Payments, Scopes.UrbanPlanningWrite }, null, null, null);

        var decision = RequestWorkflow.Decide(RequestStatus.FeeAssessed, RequestAction.Pay, RequestWorkflow.CapacityOf(bank, "OFC1"));

        Assert.Equal(403, decision.StatusCode);
        Assert.Equal(DenialReasons.RoleNotAllowed, decision.Reason);
    }
}
