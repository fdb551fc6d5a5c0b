using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

namespace CityEServices.UrbanPlanning.IntegrationTests;

/// <summary>
/// Payments proven by the payer's bank: the order opened with the fee, a bank's confirmation that pays
/// it (or is refused and changes nothing), replays, used references, expiry, races, the counter's POS
/// payment under the same rules, and the day's settlement list per bank.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PaymentTests(WorkflowService service, ITestOutputHelper output) : ServiceTest<WorkflowService>(service, output), IClassFixture<WorkflowService>
{
    /// <summary>A no-violation certificate's flat fee (rules v1).</summary>
    private const decimal Fee = 1_000_000m;

    [Fact]
    public async Task Assessing_the_fee_opens_a_payment_order_that_those_who_may_read_the_request_read()
    {
        var file = await Service.OpenFileAsync(district: 11, office: "PAY11");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(11));
        var id = await Service.SubmittedRequestAsync(file);
        (await Service.ActAsync(reviewer, id, new { action = "review" })).EnsureSuccessStatusCode();
        await (await reviewer.GetAsync(Workflow.OrderPath(id))).AssertProblemAsync(HttpStatusCode.NotFound);

        var assessed = await (await Service.ActAsync(reviewer, id, new { action = "assessFee" })).AssertJsonAsync(HttpStatusCode.OK);
        var assessedAt = assessed.GetProperty("history").EnumerateArray().Last().GetProperty("at").GetProperty("utc").GetDateTimeOffset();

        var order = await (await file.Operator.GetAsync(Workflow.OrderPath(id))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, order.GetProperty("requestId").GetString());
        Assert.Equal(file.Number, order.GetProperty("fileNumber").GetString());
        Assert.Equal(Fee, order.GetProperty("amountRial").GetDecimal());
        Assert.Equal(assessed.GetProperty("feeRial").GetDecimal(), order.GetProperty("amountRial").GetDecimal());
        Assert.Equal("IR820540102680020817909002", order.GetProperty("sheba").GetString());
        Assert.Equal("Pending", order.GetProperty("status").GetString());
        Assert.Equal(assessedAt, order.GetProperty("createdAt").GetProperty("utc").GetDateTimeOffset());
        Assert.Equal(assessedAt.AddDays(7), order.GetProperty("expiresAt").GetProperty("utc").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("payment").ValueKind);
        // Opened in the assessment's commit, by the reviewer who assessed (an id).
        Assert.Equal(1, await Service.CountAsync(
            "SELECT count(*) FROM payment_orders o JOIN request_transitions t ON t.request_id = o.request_id AND t.to_status = 'FeeAssessed' WHERE o.request_id = @r AND o.created_by = t.actor AND o.created_at = t.at AND o.created_by LIKE 'user:%'",
            ("r", Guid.Parse(id))));

        // The same order for the district's reviewer, an admin, a bank and a reader client.
        foreach (var token in new[] { TestTokens.Admin(), TestTokens.Integrator("bank-a", Scopes.Payments), TestTokens.Integrator("reader", Scopes.UrbanPlanningRead) })
        {
            using var client = Service.CreateClient(token);
            var read = await (await client.GetAsync(Workflow.OrderPath(id))).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal(order.GetProperty("orderId").GetString(), read.GetProperty("orderId").GetString());
        }

        // Nobody else.
        using var otherReviewer = Service.CreateClient(TestTokens.Reviewer(12));
        using var otherOffice = Service.CreateClient(TestTokens.Operator("PAY99", Workflow.OperatorId));
        using var registrar = Service.CreateClient(TestTokens.Registrar());
        using var archiveClient = Service.CreateClient(TestTokens.Integrator("archive-app", Scopes.ArchiveRead, Scopes.PiiRead));
        await (await otherReviewer.GetAsync(Workflow.OrderPath(id))).AssertProblemAsync(HttpStatusCode.Forbidden, "WrongDistrict");
        await (await otherOffice.GetAsync(Workflow.OrderPath(id))).AssertProblemAsync(HttpStatusCode.Forbidden, "NotFileOffice");
        await (await registrar.GetAsync(Workflow.OrderPath(id))).AssertProblemAsync(HttpStatusCode.Forbidden, "RoleNotAllowed");
        await (await archiveClient.GetAsync(Workflow.OrderPath(id))).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await reviewer.GetAsync(Workflow.OrderPath(Guid.NewGuid().ToString()))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_banks_confirmation_pays_the_order_moves_the_request_and_announces_it_in_one_commit()
    {
        var file = await Service.OpenFileAsync(district: 11, office: "PAY11");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(11));
        using var bank = Service.CreateClient(TestTokens.Integrator("bank-melli", Scopes.Payments));
        var (id, order) = await Service.FeeAssessedAsync(file, reviewer);
        var orderId = order.GetProperty("orderId").GetString()!;
        var reference = Workflow.NewReference("MELLI");
        var paidAt = Service.Clock.GetUtcNow().AddMinutes(-2);

        using var response = await bank.PostAsJsonAsync($"/api/payments/{orderId}/confirmations", new
        {
            amountRial = Fee,
            bankReference = reference.ToLowerInvariant(),
            paidAt = paidAt.ToOffset(TimeSpan.FromHours(3.5)).ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz"),
        });

        var confirmed = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(Workflow.OrderPath(id), response.Headers.Location?.OriginalString);
        Assert.Equal(orderId, confirmed.GetProperty("orderId").GetString());
        Assert.Equal(id, confirmed.GetProperty("requestId").GetString());
        Assert.Equal(Fee, confirmed.GetProperty("amountRial").GetDecimal());
        Assert.Equal(reference, confirmed.GetProperty("reference").GetString());
        Assert.Equal("Bank", confirmed.GetProperty("channel").GetString());
        Assert.Equal("bank-melli", confirmed.GetProperty("payer").GetString());
        Assert.Equal("client:bank-melli", confirmed.GetProperty("recordedBy").GetString());
        Assert.Equal(paidAt, confirmed.GetProperty("paidAt").GetProperty("utc").GetDateTimeOffset());

        var request = await (await reviewer.GetAsync(Workflow.RequestPath(id))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Paid", request.GetProperty("status").GetString());
        var last = request.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("FeeAssessed", "client:bank-melli"), (last.GetProperty("fromStatus").GetString(), last.GetProperty("actor").GetString()));
        var paidEvent = Assert.Single(await Service.OutboxRowsAsync("ServiceRequestStatusChanged", file.Number), c => c.Payload.GetProperty("toStatus").GetString() == "Paid").Payload;
        Assert.Equal("client:bank-melli", paidEvent.GetProperty("actor").GetString());
        var paidOrder = await (await reviewer.GetAsync(Workflow.OrderPath(id))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Paid", paidOrder.GetProperty("status").GetString());
        Assert.Equal(confirmed.GetProperty("paymentId").GetString(), paidOrder.GetProperty("payment").GetProperty("paymentId").GetString());

        // The reviewer issues what the bank paid.
        (await Service.ActAsync(reviewer, id, new { action = "issue" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_confirmation_with_the_wrong_amount_is_refused_and_nothing_changes()
    {
        var file = await Service.OpenFileAsync(district: 11, office: "PAY11");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(11));
        using var bank = Service.CreateClient(TestTokens.Integrator("bank-saderat", Scopes.Payments));
        var (id, order) = await Service.FeeAssessedAsync(file, reviewer);
        var orderId = order.GetProperty("orderId").GetString()!;
        var reference = Workflow.NewReference("SADERAT");

        foreach (var amount in new[] { Fee - 1, Fee + 1, Fee / 2 })
        {
            var problem = await (await Service.ConfirmAsync(bank, orderId, amount, reference)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal("AmountMismatch", problem.GetProperty("reason").GetString());
            Assert.Equal(Fee, problem.GetProperty("amountRial").GetDecimal());
        }

        Assert.Equal("FeeAssessed", (await (await reviewer.GetAsync(Workflow.RequestPath(id))).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("Pending", (await (await reviewer.GetAsync(Workflow.OrderPath(id))).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM payments WHERE order_id = @o OR reference = @r", ("o", Guid.Parse(orderId)), ("r", reference)));
        Assert.DoesNotContain(await Service.OutboxRowsAsync("ServiceRequestStatusChanged", file.Number), c => c.Payload.GetProperty("toStatus").GetString() == "Paid");

        // The reference was not spent: the right amount with it pays.
        await (await Service.ConfirmAsync(bank, orderId, Fee, reference)).AssertJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_replayed_reference_answers_the_first_answer_and_never_pays_twice()
    {
        var file = await Service.OpenFileAsync(district: 11, office: "PAY11");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(11));
        using var bank = Service.CreateClient(TestTokens.Integrator("bank-tejarat", Scopes.Payments));
        using var otherBank = Service.CreateClient(TestTokens.Integrator("bank-sepah", Scopes.Payments));
        var (id, order) = await Service.FeeAssessedAsync(file, reviewer);
        var (otherId, otherOrder) = await Service.FeeAssessedAsync(file, reviewer);
        var orderId = order.GetProperty("orderId").GetString()!;
        var reference = Workflow.NewReference("TEJARAT");

        using var first = await Service.ConfirmAsync(bank, orderId, Fee, reference);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstBody = await first.Content.ReadAsStringAsync();

        // The bank asks again (a lost answer), later, even with another paidAt: the first answer, 200.
        Service.Clock.Advance(TimeSpan.FromMinutes(5));
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var replay = await Service.ConfirmAsync(bank, orderId, Fee, reference.ToLowerInvariant());
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        }

        // The same reference from another bank, or for another order, is someone else's payment.
        await (await Service.ConfirmAsync(otherBank, orderId, Fee, reference)).AssertProblemAsync(HttpStatusCode.Conflict, "ReferenceUsed");
        await (await Service.ConfirmAsync(bank, otherOrder.GetProperty("orderId").GetString()!, Fee, reference)).AssertProblemAsync(HttpStatusCode.Conflict, "ReferenceUsed");
        // A counter payment cannot reuse it either: one table, one unique reference.
        await (await Service.ActAsync(file.Operator, otherId, new { action = "pay", receipt = reference })).AssertProblemAsync(HttpStatusCode.Conflict, "ReferenceUsed");
        // A new reference for the paid order is a second payment of it.
        await (await Service.ConfirmAsync(bank, orderId, Fee, Workflow.NewReference("TEJARAT"))).AssertProblemAsync(HttpStatusCode.Conflict, "OrderAlreadyPaid");

        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM payments WHERE reference = @r", ("r", reference)));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM payments WHERE request_id IN (@a, @b)", ("a", Guid.Parse(id)), ("b", Guid.Parse(otherId))));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM request_transitions WHERE request_id = @r AND to_status = 'Paid'", ("r", Guid.Parse(id))));
        Assert.Equal("FeeAssessed", (await (await reviewer.GetAsync(Workflow.RequestPath(otherId))).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Single(await Service.OutboxRowsAsync("ServiceRequestStatusChanged", file.Number), c => c.Payload.GetProperty("toStatus").GetString() == "Paid");
    }

    [Fact]
    public async Task An_expired_order_is_paid_neither_by_a_bank_nor_at_the_counter()
    {
        var file = await Service.OpenFileAsync(district: 11, office: "PAY11");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(11));
        using var bank = Service.CreateClient(TestTokens.Integrator("bank-pasargad", Scopes.Payments));
        var (id, order) = await Service.FeeAssessedAsync(file, reviewer);

        Service.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        Assert.Equal("Expired", (await (await reviewer.GetAsync(Workflow.OrderPath(id))).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        await (await Service.ConfirmAsync(bank, order.GetProperty("orderId").GetString()!, Fee, Workflow.NewReference("PASARGAD")))
            .AssertProblemAsync(HttpStatusCode.Conflict, "OrderExpired");
        await (await Service.ActAsync(file.Operator, id, new { action = "pay", receipt = Workflow.NewReference("POS") }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "OrderExpired");
        Assert.Equal("FeeAssessed", (await (await reviewer.GetAsync(Workflow.RequestPath(id))).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM payments WHERE request_id = @r", ("r", Guid.Parse(id))));
    }

    [Fact]
    public async Task Only_a_bank_granted_payments_confirms_and_an_unknown_order_is_404()
    {
        var file = await Service.OpenFileAsync(district: 11, office: "PAY11");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(11));
        var (id, order) = await Service.FeeAssessedAsync(file, reviewer);
        var orderId = order.GetProperty("orderId").GetString()!;

        foreach (var (token, reason) in new[]
        {
            (TestTokens.Admin(), "RoleNotAllowed"),
            (TestTokens.Operator(file.Office, Workflow.OperatorId), "RoleNotAllowed"),
            (TestTokens.Integrator("reader", Scopes.UrbanPlanningRead, Scopes.UrbanPlanningWrite, Scopes.PiiRead), "insufficient_scope"),
        })
        {
            using var client = Service.CreateClient(token);
            await (await Service.ConfirmAsync(client, orderId, Fee, Workflow.NewReference())).AssertProblemAsync(HttpStatusCode.Forbidden, reason);
        }

        using var bank = Service.CreateClient(TestTokens.Integrator("bank-ayandeh", Scopes.Payments));
        await (await Service.ConfirmAsync(bank, Guid.NewGuid().ToString(), Fee, Workflow.NewReference())).AssertProblemAsync(HttpStatusCode.NotFound);
        var errors = await (await bank.PostAsJsonAsync($"/api/payments/{orderId}/confirmations", new { amountRial = -1, bankReference = "has spaces", paidAt = "yesterday" }))
            .AssertValidationProblemAsync();
        Assert.Equal(["amountRial", "bankReference", "paidAt"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var future = await (await bank.PostAsJsonAsync($"/api/payments/{orderId}/confirmations", new
        {
            amountRial = Fee,
            bankReference = Workflow.NewReference(),
            paidAt = Service.Clock.GetUtcNow().AddHours(1).ToString("O"),
        })).AssertValidationProblemAsync();
        Assert.Equal(["paidAt"], future.EnumerateObject().Select(e => e.Name));

        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM payments WHERE request_id = @r", ("r", Guid.Parse(id))));
        Assert.Equal("FeeAssessed", (await (await reviewer.GetAsync(Workflow.RequestPath(id))).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Confirmations_racing_for_one_order_pay_it_exactly_once()
    {
        var file = await Service.OpenFileAsync(district: 11, office: "PAY11");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(11));
        using var bankA = Service.CreateClient(TestTokens.Integrator("bank-a", Scopes.Payments));
        using var bankB = Service.CreateClient(TestTokens.Integrator("bank-b", Scopes.Payments));
        var (id, order) = await Service.FeeAssessedAsync(file, reviewer);
        var orderId = order.GetProperty("orderId").GetString()!;

        // Eight confirmations at once, each with its own reference, and the counter recording it too.
        var confirmations = Enumerable.Range(0, 8).Select(i => Service.ConfirmAsync(i % 2 == 0 ? bankA : bankB, orderId, Fee, Workflow.NewReference("RACE")));
        var counter = file.Operator.PostAsJsonAsync($"/api/urban-planning/requests/{id}/actions", new { action = "pay", receipt = Workflow.NewReference("POS") });
        var answers = await Task.WhenAll(confirmations.Append(counter));

        var winners = answers.Where(a => a.IsSuccessStatusCode).ToList();
        Assert.Single(winners);
        foreach (var loser in answers.Except(winners))
        {
            var problem = await loser.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains(problem.GetProperty("reason").GetString(), new[] { "OrderAlreadyPaid", "InvalidTransition", "ConcurrentChange" });
        }

        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM payments WHERE order_id = @o", ("o", Guid.Parse(orderId))));
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM request_transitions WHERE request_id = @r AND to_status = 'Paid'", ("r", Guid.Parse(id))));
        Assert.Single(await Service.OutboxRowsAsync("ServiceRequestStatusChanged", file.Number), c => c.Payload.GetProperty("toStatus").GetString() == "Paid");
    }

    [Fact]
    public async Task The_same_confirmation_racing_itself_pays_once_and_every_answer_is_the_first()
    {
        var file = await Service.OpenFileAsync(district: 11, office: "PAY11");
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(11));
        using var bank = Service.CreateClient(TestTokens.Integrator("bank-keshavarzi", Scopes.Payments));
        var (_, order) = await Service.FeeAssessedAsync(file, reviewer);
        var orderId = order.GetProperty("orderId").GetString()!;
        var reference = Workflow.NewReference("KESHAVARZI");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Service.ConfirmAsync(bank, orderId, Fee, reference)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM payments WHERE order_id = @o", ("o", Guid.Parse(orderId))));
    }

    [Fact]
    public async Task Settlements_list_a_tehran_days_bank_confirmations_per_bank_and_a_bank_sees_only_its_own()
    {
        // A day of its own, far from what the other tests paid.
        Service.Clock.Advance(TimeSpan.FromDays(40));
        using var reviewer = Service.CreateClient(TestTokens.Reviewer(11));
        using var bankA = Service.CreateClient(TestTokens.Integrator("settle-a", Scopes.Payments));
        using var bankB = Service.CreateClient(TestTokens.Integrator("settle-b", Scopes.Payments));
        using var admin = Service.CreateClient(TestTokens.Admin());
        var paid = new List<(HttpClient Bank, string Reference)> { (bankA, Workflow.NewReference("A")), (bankB, Workflow.NewReference("B")), (bankA, Workflow.NewReference("A")) };
        foreach (var (bank, reference) in paid)
        {
            var file = await Service.OpenFileAsync(district: 11, office: "PAY11");
            var (_, order) = await Service.FeeAssessedAsync(file, reviewer);
            await (await Service.ConfirmAsync(bank, order.GetProperty("orderId").GetString()!, Fee, reference)).AssertJsonAsync(HttpStatusCode.Created);
        }

        // A counter payment the same day is not a bank's to settle.
        var counterFile = await Service.OpenFileAsync(district: 11, office: "PAY11");
        var (counterId, _) = await Service.FeeAssessedAsync(counterFile, reviewer);
        (await Service.ActAsync(counterFile.Operator, counterId, new { action = "pay", receipt = Workflow.NewReference("POS") })).EnsureSuccessStatusCode();

        var now = Service.Clock.GetUtcNow();
        var tehranDay = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(3.5)).DateTime);
        var iso = tehranDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var all = await (await admin.GetAsync($"/api/payments/settlements?date={iso}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(iso, all.GetProperty("date").GetString());
        Assert.Equal(
            [("settle-a", 2, 2 * Fee), ("settle-b", 1, Fee)],
            all.GetProperty("banks").EnumerateArray().Select(b => (b.GetProperty("bank").GetString(), b.GetProperty("count").GetInt32(), b.GetProperty("totalRial").GetDecimal())));
        Assert.Equal((3, 3 * Fee, 3), (all.GetProperty("count").GetInt32(), all.GetProperty("totalRial").GetDecimal(), all.GetProperty("total").GetInt32()));
        Assert.Equal(["settle-a", "settle-a", "settle-b"], all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("payer").GetString()));
        Assert.Equal(
            paid.Select(p => p.Reference).Order(StringComparer.Ordinal),
            all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!).Order(StringComparer.Ordinal));

        // The same day asked in Solar Hijri, with Persian digits, one page at a time.
        var jalali = NationalIds.ToPersianDigits(all.GetProperty("dateJalali").GetString()!);
        var second = await (await admin.GetAsync($"/api/payments/settlements?date={Uri.EscapeDataString(jalali)}&page=2&pageSize=2")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(iso, second.GetProperty("date").GetString());
        Assert.Equal((2, 2, 3), (second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32(), second.GetProperty("total").GetInt32()));
        Assert.Equal("settle-b", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("payer").GetString());
        Assert.Equal(2, second.GetProperty("banks").GetArrayLength());

        // A bank sees its own confirmations only.
        var own = await (await bankA.GetAsync($"/api/payments/settlements?date={iso}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["settle-a"], own.GetProperty("banks").EnumerateArray().Select(b => b.GetProperty("bank").GetString()));
        Assert.All(own.GetProperty("items").EnumerateArray(), i => Assert.Equal("settle-a", i.GetProperty("payer").GetString()));
        Assert.Equal(2 * Fee, own.GetProperty("totalRial").GetDecimal());

        // The day before holds none of them; the day runs from Tehran's midnight.
        var before = await (await admin.GetAsync($"/api/payments/settlements?date={tehranDay.AddDays(-1):yyyy-MM-dd}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, before.GetProperty("total").GetInt32());
        Assert.Equal(
            new DateTimeOffset(tehranDay.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(3.5)),
            all.GetProperty("from").GetProperty("utc").GetDateTimeOffset());

        // Nobody else reads them; a bad date is a field error.
        using var reader = Service.CreateClient(TestTokens.Integrator("reader", Scopes.UrbanPlanningRead));
        await (await reader.GetAsync($"/api/payments/settlements?date={iso}")).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await reviewer.GetAsync($"/api/payments/settlements?date={iso}")).AssertProblemAsync(HttpStatusCode.Forbidden, "RoleNotAllowed");
        var errors = await (await admin.GetAsync("/api/payments/settlements?date=1405/13/40")).AssertValidationProblemAsync();
        Assert.Equal(["date"], errors.EnumerateObject().Select(e => e.Name));
    }
}
