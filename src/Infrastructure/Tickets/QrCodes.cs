using QRCoder;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Tickets;

public sealed class QrCodes : IQrCodes
{
    // Quartile error correction survives a scuffed or badly lit phone screen at the door.
    public byte[] RenderPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(10);
    }
}
