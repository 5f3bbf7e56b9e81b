/// The integrals' helpers in Python (complex numbers built in) and Swift (real pairs); see
/// `CodeLanguage+Integrals.swift`. Python has no `math.fma` before 3.13: x² = s + ε exactly by
/// Veltkamp's splitting instead.
extension CodeLanguage {
  static let pythonIntegrals: [String: String] = [
    "reciprocal": "",
    "erfi": """
    def jac_erfi(x):
        y = abs(x)
        if x != x:
            return x
        if y <= 6.5:
            z = y * y
            p = y
            s = y
            for k in range(1, 1000):
                p *= z / k
                t = p / (2.0 * k + 1.0)
                s += t
                if t <= s * 1e-17:
                    break
            v = 2.0 / 1.7724538509055160273 * s
        else:
            q = y * y
            h = 134217729.0 * y
            hi = h - (h - y)
            lo = y - hi
            e = ((hi * hi - q) + 2.0 * hi * lo) + lo * lo
            inverse = 1.0 / (2.0 * q)
            t = 1.0
            s = 1.0
            for k in range(1, 200):
                nxt = t * (2.0 * k - 1.0) * inverse
                if nxt >= t or nxt <= s * 1e-17:
                    break
                t = nxt
                s += t
            v = math.exp(q - math.log(y * 1.7724538509055160273)) * (1.0 + e) * s
        return -v if x < 0 else v


    """,
    "e1": """
    def jac_e1(y):
        if y <= 1.0:
            p = 1.0
            s = 0.0
            for k in range(1, 100):
                p *= -y / k
                t = p / k
                s += t
                if abs(t) <= 1e-17:
                    break
            return -0.57721566490153286061 - math.log(y) - s
        b = y + 1.0
        c = 1e300
        d = 1.0 / b
        h = d
        for i in range(1, 10000):
            a = -float(i) * i
            b += 2.0
            d = 1.0 / (a * d + b)
            c = b + a / c
            h *= c * d
            if abs(c * d - 1.0) <= 1e-16:
                break
        return h * math.exp(-y)


    """,
    "Ei": """
    def jac_Ei(x):
        if x != x:
            return x
        if x == 0:
            return -math.inf
        if x < 0:
            return -jac_e1(-x)
        if x <= 40.0:
            p = 1.0
            s = 0.0
            for k in range(1, 1000):
                p *= x / k
                t = p / k
                s += t
                if t <= s * 1e-17:
                    break
            return 0.57721566490153286061 + math.log(x) + s
        t = 1.0
        s = 1.0
        for k in range(1, 200):
            nxt = t * k / x
            if nxt >= t or nxt <= s * 1e-17:
                break
            t = nxt
            s += t
        return math.exp(x - math.log(x)) * s


    """,
    "sici": """
    def jac_sici(x):
        \"\"\"Si(x), Ci(x): the series to 2, then E1(it) = -Ci t + i(Si t - pi/2) by its continued fraction.\"\"\"
        t = abs(x)
        if x != x:
            return x, x
        if t == 0:
            return 0.0, -math.inf
        if t <= 2.0:
            p = t
            odd = t
            even = 0.0
            for n in range(2, 200):
                p *= (-1.0 if n % 2 == 0 else 1.0) * t / n
                term = p / n
                if n % 2 == 0:
                    even += term
                else:
                    odd += term
                if abs(term) <= 1e-17 * abs(odd):
                    break
            s, c = odd, 0.57721566490153286061 + math.log(t) + even
        elif t == math.inf:
            s, c = 1.5707963267948966, 0.0
        else:
            b = complex(1.0, t)
            c = complex(1e300, 0.0)
            d = 1.0 / b
            h = d
            for i in range(2, 100000):
                a = -float(i - 1) * (i - 1)
                b += 2.0
                d = 1.0 / (d * a + b)
                c = b + a / c
                delta = c * d
                h *= delta
                if abs(delta.real - 1.0) + abs(delta.imag) <= 1e-16:
                    break
            h *= complex(math.cos(t), -math.sin(t))
            s, c = 1.5707963267948966 + h.imag, -h.real
        return (-s if x < 0 else s), (math.nan if x < 0 else c)


    """,
    "Si": "def jac_Si(x):\n    return jac_sici(x)[0]\n\n",
    "Ci": "def jac_Ci(x):\n    return jac_sici(x)[1]\n\n",
    "shichi": """
    def jac_shichi(x):
        \"\"\"Shi(x), Chi(x): the series to 2, then (Ei(t) + E1(t))/2 and (Ei(t) - E1(t))/2.\"\"\"
        t = abs(x)
        if x != x:
            return x, x
        if t == 0:
            return 0.0, -math.inf
        if t <= 2.0:
            p = t
            odd = t
            even = 0.0
            for n in range(2, 200):
                p *= t / n
                term = p / n
                if n % 2 == 0:
                    even += term
                else:
                    odd += term
                if abs(term) <= 1e-17 * abs(odd):
                    break
            s, c = odd, 0.57721566490153286061 + math.log(t) + even
        else:
            a = jac_Ei(t)
            b = jac_e1(t)
            s, c = (a + b) / 2.0, (a - b) / 2.0
        return (-s if x < 0 else s), (math.nan if x < 0 else c)


    """,
    "Shi": "def jac_Shi(x):\n    return jac_shichi(x)[0]\n\n",
    "Chi": "def jac_Chi(x):\n    return jac_shichi(x)[1]\n\n",
    "li": """
    def jac_li(x):
        if x != x or x < 0:
            return math.nan
        return 0.0 if x == 0 else jac_Ei(math.log(x))


    """,
    "fresnel": """
    def jac_fresnel(x):
        \"\"\"S(x), C(x): the series below 1.5, then the continued fraction of erfc((1 - i) sqrt(pi) t/2).\"\"\"
        t = abs(x)
        if x != x:
            return x, x
        if t < 1.5:
            a = 1.5707963267948966 * t * t
            m = -a * a
            pc = 1.0
            ps = 1.0
            sc = 1.0
            ss = 1.0 / 3.0
            for k in range(1, 200):
                pc *= m / ((2.0 * k - 1.0) * (2.0 * k))
                ps *= m / ((2.0 * k) * (2.0 * k + 1.0))
                tc = pc / (4.0 * k + 1.0)
                ts = ps / (4.0 * k + 3.0)
                sc += tc
                ss += ts
                if abs(tc) <= 1e-17 and abs(ts) <= 1e-17:
                    break
            s, c = t * a * ss, t * sc
        elif t == math.inf:
            s, c = 0.5, 0.5
        else:
            b = complex(1.0, -(3.141592653589793 * t * t))
            cc = complex(1e300, 0.0)
            d = 1.0 / b
            h = d
            n = -1.0
            for _ in range(2, 100000):
                n += 2.0
                a = -n * (n + 1.0)
                b += 4.0
                d = 1.0 / (d * a + b)
                cc = b + a / cc
                delta = cc * d
                h *= delta
                if abs(delta.real - 1.0) + abs(delta.imag) <= 1e-16:
                    break
            h *= complex(t, -t)
            square = t * t
            u = 134217729.0 * t
            hi = u - (u - t)
            lo = t - hi
            error = ((hi * hi - square) + 2.0 * hi * lo) + lo * lo
            phase = 1.5707963267948966 * (math.fmod(square, 4.0) + error)
            cs = complex(0.5, 0.5) * (1.0 - complex(math.cos(phase), math.sin(phase)) * h)
            s, c = cs.imag, cs.real
        return (-s if x < 0 else s), (-c if x < 0 else c)


    """,
    "fresnels": "def jac_fresnels(x):\n    return jac_fresnel(x)[0]\n\n",
    "fresnelc": "def jac_fresnelc(x):\n    return jac_fresnel(x)[1]\n\n",
  ]
}
