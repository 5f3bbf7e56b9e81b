/// The integrals' helpers in Julia (complex numbers built in; MATLAB's are in
/// `CodeLanguage+IntegralsMATLAB.swift`); see `CodeLanguage+Integrals.swift`. Julia's Base
/// has none of these functions (they are in the SpecialFunctions package), and its `sinc` is
/// normalised.
extension CodeLanguage {
  static let juliaIntegrals: [String: String] = [
    "reciprocal": "",
    "erfi": """
    function jac_erfi(x)
        isnan(x) && return x
        y = abs(x)
        if y <= 6.5
            z = y * y
            p = y
            s = y
            for k in 1:999
                p *= z / k
                t = p / (2k + 1)
                s += t
                t <= s * 1e-17 && break
            end
            v = 2 / 1.7724538509055160273 * s
        else
            q = y * y
            e = fma(y, y, -q)
            inverse = 1 / (2q)
            t = 1.0
            s = 1.0
            for k in 1:199
                next = t * (2k - 1) * inverse
                (next >= t || next <= s * 1e-17) && break
                t = next
                s += t
            end
            v = exp(q - log(y * 1.7724538509055160273)) * (1 + e) * s
        end
        return x < 0 ? -v : v
    end


    """,
    "e1": """
    function jac_e1(y)
        if y <= 1
            p = 1.0
            s = 0.0
            for k in 1:99
                p *= -y / k
                t = p / k
                s += t
                abs(t) <= 1e-17 && break
            end
            return -0.57721566490153286061 - log(y) - s
        end
        b = y + 1
        c = 1e300
        d = 1 / b
        h = d
        for i in 1:9999
            a = -Float64(i) * i
            b += 2
            d = 1 / (a * d + b)
            c = b + a / c
            delta = c * d
            h *= delta
            abs(delta - 1) <= 1e-16 && break
        end
        return h * exp(-y)
    end


    """,
    "Ei": """
    function jac_Ei(x)
        isnan(x) && return x
        x == 0 && return -Inf
        x < 0 && return -jac_e1(-x)
        if x <= 40
            p = 1.0
            s = 0.0
            for k in 1:999
                p *= x / k
                t = p / k
                s += t
                t <= s * 1e-17 && break
            end
            return 0.57721566490153286061 + log(x) + s
        end
        t = 1.0
        s = 1.0
        for k in 1:199
            next = t * k / x
            (next >= t || next <= s * 1e-17) && break
            t = next
            s += t
        end
        return exp(x - log(x)) * s
    end


    """,
    "sici": """
    # Si(x), Ci(x): the series to 2, then E1(it) = -Ci t + i(Si t - pi/2) by its continued fraction.
    function jac_sici(x)
        isnan(x) && return (x, x)
        t = abs(x)
        t == 0 && return (0.0, -Inf)
        if t <= 2
            p = t
            odd = t
            even = 0.0
            for n in 2:199
                p *= (iseven(n) ? -1.0 : 1.0) * t / n
                term = p / n
                if iseven(n)
                    even += term
                else
                    odd += term
                end
                abs(term) <= 1e-17 * abs(odd) && break
            end
            s, c = odd, 0.57721566490153286061 + log(t) + even
        elseif isinf(t)
            s, c = 1.5707963267948966, 0.0
        else
            b = complex(1.0, t)
            cc = complex(1e300, 0.0)
            d = 1 / b
            h = d
            for i in 2:99999
                a = -Float64(i - 1) * (i - 1)
                b += 2
                d = 1 / (d * a + b)
                cc = b + a / cc
                delta = cc * d
                h *= delta
                abs(real(delta) - 1) + abs(imag(delta)) <= 1e-16 && break
            end
            h *= complex(cos(t), -sin(t))
            s, c = 1.5707963267948966 + imag(h), -real(h)
        end
        return (x < 0 ? -s : s, x < 0 ? NaN : c)
    end


    """,
    "Si": "jac_Si(x) = jac_sici(x)[1]\n\n",
    "Ci": "jac_Ci(x) = jac_sici(x)[2]\n\n",
    "shichi": """
    # Shi(x), Chi(x): the series to 2, then (Ei(t) + E1(t))/2 and (Ei(t) - E1(t))/2.
    function jac_shichi(x)
        isnan(x) && return (x, x)
        t = abs(x)
        t == 0 && return (0.0, -Inf)
        if t <= 2
            p = t
            odd = t
            even = 0.0
            for n in 2:199
                p *= t / n
                term = p / n
                if iseven(n)
                    even += term
                else
                    odd += term
                end
                abs(term) <= 1e-17 * abs(odd) && break
            end
            s, c = odd, 0.57721566490153286061 + log(t) + even
        else
            a = jac_Ei(t)
            b = jac_e1(t)
            s, c = (a + b) / 2, (a - b) / 2
        end
        return (x < 0 ? -s : s, x < 0 ? NaN : c)
    end


    """,
    "Shi": "jac_Shi(x) = jac_shichi(x)[1]\n\n",
    "Chi": "jac_Chi(x) = jac_shichi(x)[2]\n\n",
    "li": "jac_li(x) = (isnan(x) || x < 0) ? NaN : (x == 0 ? 0.0 : jac_Ei(log(x)))\n\n",
    "fresnel": """
    # S(x), C(x): the series below 1.5, then the continued fraction of erfc((1 - i) sqrt(pi) t/2).
    function jac_fresnel(x)
        isnan(x) && return (x, x)
        t = abs(x)
        if t < 1.5
            a = 1.5707963267948966 * t * t
            m = -a * a
            pc, ps, sc, ss = 1.0, 1.0, 1.0, 1.0 / 3
            for k in 1:199
                pc *= m / ((2k - 1) * (2k))
                ps *= m / ((2k) * (2k + 1))
                tc, ts = pc / (4k + 1), ps / (4k + 3)
                sc += tc
                ss += ts
                (abs(tc) <= 1e-17 && abs(ts) <= 1e-17) && break
            end
            s, c = t * a * ss, t * sc
        elseif isinf(t)
            s, c = 0.5, 0.5
        else
            b = complex(1.0, -(3.141592653589793 * t * t))
            cc = complex(1e300, 0.0)
            d = 1 / b
            h = d
            n = -1.0
            for _ in 2:99999
                n += 2
                a = -n * (n + 1)
                b += 4
                d = 1 / (d * a + b)
                cc = b + a / cc
                delta = cc * d
                h *= delta
                abs(real(delta) - 1) + abs(imag(delta)) <= 1e-16 && break
            end
            h *= complex(t, -t)
            square = t * t
            phase = 1.5707963267948966 * (rem(square, 4.0) + fma(t, t, -square))
            cs = complex(0.5, 0.5) * (1 - complex(cos(phase), sin(phase)) * h)
            s, c = imag(cs), real(cs)
        end
        return (x < 0 ? -s : s, x < 0 ? -c : c)
    end


    """,
    "fresnels": "jac_fresnels(x) = jac_fresnel(x)[1]\n\n",
    "fresnelc": "jac_fresnelc(x) = jac_fresnel(x)[2]\n\n",
  ]
}
