using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Payments.Paystack;

namespace Ticketing.IntegrationTests.Payments;

/// <summary>The Paystack adapter against a fake Paystack over real HTTP; no database, so outside the "api" collection.</summary>
public sealed class PaystackGatewayTests : IAsyncLifetime
{
    private const string SecretKey = "sk_test_3f9a1c7e5b2d8f4a6c0e9b1d7f3a5c8e2b6d0f4a";

    private readonly List<IDisposable> _disposables = [];
    private FakePaystack _paystack = null!;

    public async Task InitializeAsync() => _paystack = await FakePaystack.StartAsync(SecretKey);

    public async Task DisposeAsync()
    {
        _disposables.ForEach(disposable => disposable.Dispose());
        await _paystack.DisposeAsync();
    }

    [Fact]
    public async Task Initialize_sends_the_bearer_secret_and_the_charge_in_minor_units_and_returns_the_checkout_url()
    {
        var checkout = await Gateway().InitializeAsync(new GatewayCharge("ORD-1001", 1_250_050, "NGN", "ada@example.com"), CancellationToken.None);

        checkout.CheckoutUrl.ShouldBe(FakePaystack.CheckoutUrlFor("ORD-1001"));
        var request = _paystack.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/transaction/initialize");
        request.Authorization.ShouldBe($"Bearer {SecretKey}");
        var body = request.Body.ShouldNotBeNull();
        body.GetProperty("email").GetString().ShouldBe("ada@example.com");
        body.GetProperty("amount").ValueKind.ShouldBe(JsonValueKind.Number);
        body.GetProperty("amount").GetRawText().ShouldBe("1250050");
        body.GetProperty("reference").GetString().ShouldBe("ORD-1001");
        body.GetProperty("currency").GetString().ShouldBe("NGN");
        body.TryGetProperty("callback_url", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Initialize_passes_the_configured_callback_url()
    {
        await Gateway(callbackUrl: "https://tickets.example.com/payments/return")
            .InitializeAsync(new GatewayCharge("ORD-1002", 500_000, "GHS", "kofi@example.com"), CancellationToken.None);

        var body = _paystack.Requests.ShouldHaveSingleItem().Body.ShouldNotBeNull();
        body.GetProperty("callback_url").GetString().ShouldBe("https://tickets.example.com/payments/return");
    }

    [Theory]
    [InlineData("success", GatewayChargeStatus.Succeeded)]
    [InlineData("failed", GatewayChargeStatus.Failed)]
    [InlineData("abandoned", GatewayChargeStatus.Abandoned)]
    [InlineData("reversed", GatewayChargeStatus.Failed)]
    [InlineData("ongoing", GatewayChargeStatus.Pending)]
    [InlineData("pending", GatewayChargeStatus.Pending)]
    [InlineData("processing", GatewayChargeStatus.Pending)]
    [InlineData("queued", GatewayChargeStatus.Pending)]
    public async Task Verify_maps_the_Paystack_status_and_reports_amount_currency_and_transaction_id(string paystackStatus, GatewayChargeStatus expected)
    {
        _paystack.Charges["ORD-2001"] = new FakePaystack.Charge(paystackStatus, 1_250_050, "NGN", 4_099_260_516);

        var verification = await Gateway().VerifyAsync("ORD-2001", CancellationToken.None);

        verification.ShouldBe(new GatewayVerification(expected, 1_250_050, "NGN", "4099260516"));
        var request = _paystack.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("GET");
        request.Path.ShouldBe("/transaction/verify/ORD-2001");
        request.Authorization.ShouldBe($"Bearer {SecretKey}");
    }

    [Fact]
    public async Task Verify_escapes_the_reference_so_it_reaches_Paystack_whole()
    {
        const string reference = "ORD 2002#a?b=c";
        _paystack.Charges[reference] = new FakePaystack.Charge("success", 100, "NGN", 7);

        var verification = await Gateway().VerifyAsync(reference, CancellationToken.None);

        verification.Status.ShouldBe(GatewayChargeStatus.Succeeded);
        _paystack.Requests.ShouldHaveSingleItem().Path.ShouldBe($"/transaction/verify/{reference}");
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task Verify_of_a_reference_Paystack_does_not_know_is_pending_with_no_amount(HttpStatusCode answer)
    {
        _paystack.UnknownReferenceStatus = answer;

        var verification = await Gateway().VerifyAsync("ORD-NEVER-PAID", CancellationToken.None);

        verification.Status.ShouldBe(GatewayChargeStatus.Pending);
        verification.Amount.ShouldBe(0);
        verification.TransactionId.ShouldBeNull();
    }

    [Theory]
    [InlineData(FakePaystack.RefundBehaviour.Processed, GatewayRefundOutcome.Completed, "3018284")]
    [InlineData(FakePaystack.RefundBehaviour.Pending, GatewayRefundOutcome.Accepted, "3018284")]
    [InlineData(FakePaystack.RefundBehaviour.Rejected, GatewayRefundOutcome.NotSupported, null)]
    public async Task Refund_sends_the_reference_and_minor_units_and_maps_Paystacks_answer_with_its_refund_id(
        FakePaystack.RefundBehaviour behaviour, GatewayRefundOutcome expected, string? refundId)
    {
        _paystack.Refunds = behaviour;

        var refund = await Gateway().RefundAsync("ORD-3001", 750_025, "NGN", CancellationToken.None);

        refund.ShouldBe(new GatewayRefund(expected, refundId));
        var request = _paystack.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/refund");
        request.Authorization.ShouldBe($"Bearer {SecretKey}");
        var body = request.Body.ShouldNotBeNull();
        body.GetProperty("transaction").GetString().ShouldBe("ORD-3001");
        body.GetProperty("amount").GetRawText().ShouldBe("750025");
        body.GetProperty("currency").GetString().ShouldBe("NGN");
    }

    [Theory]
    [InlineData("initialize", FakePaystack.Fault.ServerError, 500)]
    [InlineData("verify", FakePaystack.Fault.ServerError, 500)]
    [InlineData("refund", FakePaystack.Fault.ServerError, 500)]
    [InlineData("initialize", FakePaystack.Fault.StatusFalse, 200)]
    [InlineData("verify", FakePaystack.Fault.StatusFalse, 200)]
    [InlineData("refund", FakePaystack.Fault.StatusFalse, 200)]
    [InlineData("initialize", FakePaystack.Fault.Unparsable, 200)]
    [InlineData("verify", FakePaystack.Fault.Unparsable, 200)]
    [InlineData("refund", FakePaystack.Fault.Unparsable, 200)]
    public async Task A_failed_call_throws_a_gateway_exception_naming_the_operation_and_status_but_not_the_secret_or_the_body(
        string operation, FakePaystack.Fault fault, int status)
    {
        _paystack.Faults = fault;
        _paystack.Charges["ORD-4001"] = new FakePaystack.Charge("success", 100, "NGN", 1);

        var failure = await Should.ThrowAsync<PaymentGatewayException>(() => Call(Gateway(), operation));

        failure.Message.ShouldContain(operation);
        failure.Message.ShouldContain(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ShouldNotLeak(failure);
    }

    [Theory]
    [InlineData("initialize")]
    [InlineData("verify")]
    [InlineData("refund")]
    public async Task A_rejected_secret_key_throws_rather_than_being_read_as_an_answer_about_the_charge(string operation)
    {
        var failure = await Should.ThrowAsync<PaymentGatewayException>(() => Call(Gateway(secretKey: "sk_test_revoked"), operation));

        failure.Message.ShouldContain("401");
        failure.Message.ShouldNotContain("sk_test_revoked");
    }

    [Fact]
    public async Task An_unreachable_Paystack_throws_a_gateway_exception()
    {
        var gone = await FakePaystack.StartAsync(SecretKey);
        var address = gone.BaseAddress;
        await gone.DisposeAsync();
        var client = Track(new HttpClient { BaseAddress = address });
        var gateway = new PaystackGateway(client, Options.Create(new PaystackOptions { SecretKey = SecretKey }));

        var failure = await Should.ThrowAsync<PaymentGatewayException>(
            () => gateway.InitializeAsync(new GatewayCharge("ORD-5001", 100, "NGN", "ada@example.com"), CancellationToken.None));

        failure.Message.ShouldContain("initialize");
        ShouldNotLeak(failure);
    }

    [Fact]
    public async Task A_cancelled_call_is_a_cancellation_not_a_gateway_failure()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var failure = await Record.ExceptionAsync(() => Gateway().VerifyAsync("ORD-6001", cancelled.Token));

        failure.ShouldBeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public void The_signature_is_the_hex_HMAC_SHA512_of_the_exact_body_keyed_with_the_secret()
    {
        var body = """{"event":"charge.success","data":{"reference":"ORD-7001","amount":1250050}}"""u8.ToArray();
        var signature = Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(SecretKey), body));

        PaystackSignature.IsValid(SecretKey, body, signature).ShouldBeTrue();
        PaystackSignature.IsValid(SecretKey, body, signature.ToUpperInvariant()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("another key")]
    [InlineData("changed body")]
    [InlineData("null")]
    [InlineData("empty")]
    [InlineData("not hex")]
    [InlineData("truncated")]
    [InlineData("too long")]
    public void A_signature_that_does_not_match_is_rejected(string tampering)
    {
        var body = """{"event":"charge.success","data":{"reference":"ORD-7002","amount":1250050}}"""u8.ToArray();
        var genuine = Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(SecretKey), body));
        var changedBody = body.ToArray();
        changedBody[^3] ^= 0x01;
        var signature = tampering switch
        {
            "another key" => Convert.ToHexStringLower(HMACSHA512.HashData("sk_test_someone_else"u8, body)),
            "changed body" => Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(SecretKey), changedBody)),
            "null" => null,
            "empty" => string.Empty,
            "not hex" => "zz" + genuine[2..],
            "truncated" => genuine[..^2],
            "too long" => genuine + "00",
            _ => throw new ArgumentOutOfRangeException(nameof(tampering)),
        };

        PaystackSignature.IsValid(SecretKey, body, signature).ShouldBeFalse();
    }

    [Fact]
    public async Task The_registration_binds_the_options_and_points_the_typed_client_at_the_base_url()
    {
        await using var provider = Services(new()
        {
            ["Payments:Paystack:SecretKey"] = SecretKey,
            ["Payments:Paystack:BaseUrl"] = _paystack.BaseAddress.ToString().TrimEnd('/'),
            ["Payments:Paystack:CallbackUrl"] = "https://tickets.example.com/payments/return",
        });

        var gateway = provider.GetRequiredService<PaystackGateway>();
        var checkout = await gateway.InitializeAsync(new GatewayCharge("ORD-8001", 100, "NGN", "ada@example.com"), CancellationToken.None);

        checkout.CheckoutUrl.ShouldBe(FakePaystack.CheckoutUrlFor("ORD-8001"));
        var request = _paystack.Requests.ShouldHaveSingleItem();
        request.Authorization.ShouldBe($"Bearer {SecretKey}");
        request.Body.ShouldNotBeNull().GetProperty("callback_url").GetString().ShouldBe("https://tickets.example.com/payments/return");
        provider.GetService<IPaymentGateway>().ShouldBeNull();
    }

    [Fact]
    public async Task Without_a_secret_key_the_gateway_cannot_be_resolved_and_says_which_variable_to_set()
    {
        await using var provider = Services([]);

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<PaystackGateway>());

        failure.Message.ShouldContain("Payments__Paystack__SecretKey");
    }

    private static Task Call(PaystackGateway gateway, string operation) => operation switch
    {
        "initialize" => gateway.InitializeAsync(new GatewayCharge("ORD-4001", 100, "NGN", "ada@example.com"), CancellationToken.None),
        "verify" => gateway.VerifyAsync("ORD-4001", CancellationToken.None),
        "refund" => gateway.RefundAsync("ORD-4001", 100, "NGN", CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static void ShouldNotLeak(Exception failure)
    {
        var everything = failure.ToString();
        everything.ShouldNotContain(SecretKey);
        everything.ShouldNotContain("Bearer");
        everything.ShouldNotContain("Gateway says hello");
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddPaystackGateway();
        return services.BuildServiceProvider();
    }

    private PaystackGateway Gateway(string secretKey = SecretKey, string? callbackUrl = null) =>
        new(
            Track(new HttpClient { BaseAddress = _paystack.BaseAddress }),
            Options.Create(new PaystackOptions { SecretKey = secretKey, CallbackUrl = callbackUrl }));

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }
}
